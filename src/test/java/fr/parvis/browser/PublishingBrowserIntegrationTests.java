package fr.parvis.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import fr.parvis.channels.ChannelPostView;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.bluesky.BlueskyIntegrationTest;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.VariantView;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.territory.Role;
import fr.parvis.test.BlueskyTestNetwork;
import fr.parvis.test.MutableClock;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Must-show of the publishing issue in a real browser (headless Chromium driven by Selenium):
 * a community manager composes a post for three accounts — the Sandbox, Bluesky on the real test
 * network (PDS on loopback) and Mastodon on the WireMock stub — with an image from the media library
 * that has no text alternative and a word in "fancy" Unicode letters; the checks show the
 * accessibility errors in French; she fixes both (alternative text in the media library, plain
 * letters in the message), the errors are gone, she submits; the élu logs in, opens "À valider" and
 * approves; the application clock moves to the scheduled time and the post is published on the three
 * networks, with its image and alternative text, as each network shows it. Screenshots of every step
 * land in {@code target/screenshots/publishing-*.png}.
 */
@RequiresPeer({Peer.CHROMIUM, Peer.BLUESKY_PDS})
@BlueskyIntegrationTest
class PublishingBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TITLE = "Concert au kiosque";
    static final String MESSAGE = "Concert au kiosque du parc samedi à 18 h, entrée libre. Venez en famille !";
    /** "gratuit" in MATHEMATICAL BOLD letters: screen readers spell it out letter by letter, or skip it. */
    static final String FANCY = "𝐠𝐫𝐚𝐭𝐮𝐢𝐭";
    static final String ALT_TEXT = "Affiche du concert : un kiosque à musique sous un ciel bleu, des notes de musique.";
    /** The accessibility errors, as the checks word them in French (language and media bundles). */
    static final String ALT_MISSING = "n’a pas de texte alternatif";
    static final String FANCY_LETTERS = "est écrit avec des caractères spéciaux";

    static HeadlessChromium chromium;
    static ChromeDriver driver;
    static MastodonStub mastodon;

    /** Serious and critical axe-core violations met on the way (checked at the end of the journey). */
    final List<String> violations = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void startChromiumAndMastodon() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path file : old.filter(p -> p.getFileName().toString().startsWith("publishing-")).toList()) {
                Files.delete(file);
            }
        }
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        mastodon = new MastodonStub();
    }

    @AfterAll
    static void stopChromiumAndMastodon() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (mastodon != null) {
            mastodon.close();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ── The "Must show" ───────────────────────────────────────────────────────────────────

    @Test
    void composeForThreeAccountsFixAccessibilitySubmitApproveAndSeeItPublishedAtItsTime() throws Exception {
        // Fixture, through the application's services: a commune, its community manager and élu
        // (logging in through the form below), three connected accounts.
        Tenant commune = tenants.commune();
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        Agent elu = tenants.member(commune, Role.ELECTED_OFFICIAL);
        Accounts three = connectThreeAccounts(commune.admin());

        // 1. The community manager logs in and puts an image in the media library, without alternative text.
        login(manager);
        screenshot("publishing-01-tableau-de-bord-cm");
        open("/publier/medias");
        assertThat(h1()).isEqualTo("Médiathèque");
        driver.findElement(By.id("upload-file")).sendKeys(poster().toString());
        screenshot("publishing-02-mediatheque-envoi-sans-texte-alternatif");
        navigate(() -> driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"))
                .click(), null);
        String mediaPath = URI.create(driver.getCurrentUrl()).getPath();
        assertThat(mediaPath).startsWith("/publier/medias/");
        String mediaId = mediaPath.substring("/publier/medias/".length());
        UUID.fromString(mediaId);
        assertThat(flash()).contains("sans texte alternatif");
        // Without a text alternative yet, the preview still has one, saying so (never an img without alt).
        assertThat(driver.findElement(By.cssSelector("main img[src$='/apercu']")).getDomAttribute("alt"))
                .contains("texte alternatif manquant");
        screenshot("publishing-03-media-sans-texte-alternatif");
        axe("publishing-03-media-sans-texte-alternatif");

        // 2. The composer: a title, the message (with a word in fancy letters), the three accounts, the
        //    image on each, a time two hours ahead.
        open("/publier/publications");
        navigate(() -> driver.findElement(By.cssSelector("nav.publishing-nav a[href$='/publier/nouveau']")).click(),
                "/publier/nouveau");
        assertThat(h1()).isEqualTo("Nouvelle publication");
        driver.findElement(By.id("composer-title")).sendKeys(TITLE);
        WebElement body = driver.findElement(By.id("composer-body"));
        body.sendKeys(MESSAGE);
        // ChromeDriver types only characters of the Basic Multilingual Plane: the mathematical bold
        // letters are pasted, as a user copying them from a "font generator" site would.
        paste(body, MESSAGE.replace("entrée libre", "entrée " + FANCY));
        for (UUID account : three.all()) {
            driver.findElement(By.id("account-" + account)).click();
            WebElement variant = driver.findElement(By.id("v-" + account));
            if (variant.getAttribute("open") == null) {
                variant.findElement(By.tagName("summary")).click();
            }
            driver.findElement(By.id("v-" + account + "-media")).sendKeys(mediaId, Keys.TAB);
            // leaving the field shows the chosen media under it (the picker): wait for that, so that the
            // next click does not land where the page was before it grew
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
                    By.cssSelector("#v-" + account + " ol.media-chosen li")).isEmpty());
        }
        ZonedDateTime at = clock.instant().plus(Duration.ofHours(2)).atZone(PARIS).truncatedTo(ChronoUnit.MINUTES);
        // Date and time fields take their value as the browser's date picker would set it.
        setValue(driver.findElement(By.id("composer-scheduledDate")), at.toLocalDate().toString());
        setValue(driver.findElement(By.id("composer-scheduledTime")),
                at.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        screenshot("publishing-04-redaction");

        // 3. The checks show the accessibility errors, in French.
        check();
        WebElement errors = findOrFail("#apercu .alert-error");
        assertThat(errors.getAttribute("role")).isEqualTo("alert");
        assertThat(errors.getText()).contains(ALT_MISSING).contains(FANCY_LETTERS).contains("« gratuit »");
        assertThat(summary()).doesNotContain(" 0 erreur");
        screenshot("publishing-05-erreurs-accessibilite");
        axe("publishing-05-erreurs-accessibilite");

        // 4. She fixes them: the alternative text in the media library (another tab), plain letters in the message.
        String composer = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        open("/publier/medias/" + mediaId);
        driver.findElement(By.id("describe-altText")).sendKeys(ALT_TEXT);
        navigate(() -> driver.findElement(By.cssSelector("form[action$='/texte-alternatif'] button[type=submit]"))
                .click(), "/publier/medias/" + mediaId);
        assertThat(flash()).doesNotContain("sans texte alternatif");
        assertThat(driver.findElement(By.id("describe-altText")).getAttribute("value")).isEqualTo(ALT_TEXT);
        assertThat(driver.findElement(By.cssSelector("main img[src$='/apercu']")).getDomAttribute("alt"))
                .isEqualTo(ALT_TEXT);
        screenshot("publishing-06-texte-alternatif-ajoute");
        driver.close();
        driver.switchTo().window(composer);
        body = driver.findElement(By.id("composer-body"));
        paste(body, MESSAGE);
        check();
        assertThat(driver.findElements(By.cssSelector("#apercu .alert-error"))).as(
                "no blocking error left; the checks say: %s", text("#apercu")).isEmpty();
        assertThat(summary()).contains("3 compte(s)").contains(" 0 erreur(s) bloquante(s)");
        assertThat(text("#apercu")).doesNotContain(ALT_MISSING).doesNotContain(FANCY_LETTERS);
        screenshot("publishing-07-erreurs-corrigees");

        // 5. She submits (accepting the warnings the checks may still give: they need a tick, never errors).
        // (a new account during a reserve period is warned). Each tick refreshes the preview (htmx):
        // tick one, wait for the preview to come back with it, then the next.
        WebDriverWait settle = new WebDriverWait(driver, Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            List<WebElement> open = driver.findElements(By.cssSelector("#apercu input[name=ack]:not(:checked)"));
            if (open.isEmpty()) {
                break;
            }
            try {
                open.get(0).click();
            } catch (StaleElementReferenceException e) {
                continue;
            }
            settle.until(d -> Boolean.FALSE.equals(js("return document.querySelector('form.composer')"
                    + ".classList.contains('htmx-request');")));
        }
        // a tick also fires the delayed input trigger (500 ms): let that last refresh end too
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle.until(d -> Boolean.FALSE.equals(js("return document.querySelector('form.composer')"
                + ".classList.contains('htmx-request');")));
        assertThat(driver.findElements(By.cssSelector("#apercu input[name=ack]:not(:checked)"))).isEmpty();
        navigate(() -> driver.findElement(By.cssSelector("button[name=action][value=submit]")).click(), null);
        String postPath = URI.create(driver.getCurrentUrl()).getPath();
        assertThat(postPath).as("after submitting, the page shows: %s", text("main"))
                .startsWith("/publier/publications/");
        UUID postId = UUID.fromString(postPath.substring("/publier/publications/".length()));
        assertThat(flash()).contains("Publication soumise à validation").contains(TITLE);
        assertThat(text("main .post-status")).isEqualTo("En validation");
        screenshot("publishing-08-soumise");
        axe("publishing-08-soumise");
        logout();

        // 6. The élu logs in, opens "À valider" and approves.
        login(elu);
        open("/publier/publications");
        navigate(() -> driver.findElement(By.cssSelector("nav.publishing-nav a[href$='/publier/a-valider']")).click(),
                "/publier/a-valider");
        assertThat(h1()).isEqualTo("À valider");
        WebElement waiting = driver.findElement(By.cssSelector("article[aria-labelledby='a-" + postId + "']"));
        assertThat(waiting.getText()).contains(TITLE).contains(MESSAGE).doesNotContain("Erreur bloquante");
        assertThat(waiting.findElements(By.cssSelector(".finding-error"))).isEmpty();
        assertThat(waiting.findElements(By.cssSelector(".net-card"))).hasSize(3);
        screenshot("publishing-09-a-valider");
        axe("publishing-09-a-valider");
        navigate(() -> waiting.findElement(By.cssSelector("form[action$='/validation'] button[type=submit]")).click(),
                "/publier/a-valider");
        assertThat(flash()).contains("Publication validée").contains(TITLE);
        assertThat(driver.findElements(By.cssSelector("article[aria-labelledby='a-" + postId + "']"))).isEmpty();
        screenshot("publishing-10-validee");
        PostView approved = tenants.as(manager, () -> publishing.get(postId));
        assertThat(approved.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(approved.scheduledAt()).isEqualTo(at.toInstant());
        assertThat(approved.variants()).allSatisfy(v -> assertThat(v.state()).isNotEqualTo(VariantState.PUBLISHED));
        open("/publier/publications/" + postId);
        assertThat(text("main .post-status")).isEqualTo("Programmée");
        screenshot("publishing-11-programmee");

        // 7. The application clock reaches the time: the dispatcher publishes on the three networks.
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        jobs.dispatch();
        PostView published = waitUntilPublished(manager, postId);
        open("/publier/publications/" + postId);
        assertThat(text("main .post-status")).isEqualTo("Publiée");
        List<WebElement> cards = driver.findElements(By.cssSelector("section[aria-labelledby=variants-title] .net-card"));
        assertThat(cards).hasSize(3);
        for (WebElement card : cards) {
            assertThat(card.findElement(By.cssSelector(".net-card-head .badge")).getText()).isEqualTo("Publiée");
            WebElement link = card.findElement(By.partialLinkText("Voir la publication sur"));
            assertThat(link.getAttribute("href")).startsWith("http");
        }
        assertThat(text("section[aria-labelledby=variants-title]")).contains("Voir la publication sur Sandbox (réseau simulé)")
                .contains("Voir la publication sur Bluesky").contains("Voir la publication sur Mastodon");
        screenshot("publishing-12-publiee-sur-les-trois-comptes");
        axe("publishing-12-publiee-sur-les-trois-comptes");

        // 8. On the networks' side: the text, the image and its alternative text.
        VariantView sandbox = variant(published, three.sandbox());
        VariantView bluesky = variant(published, three.bluesky());
        VariantView toot = variant(published, three.mastodon());

        List<ChannelPostView> sandboxPosts = tenants.as(commune.admin(), () -> {
            accounts.syncNow(three.sandbox());
            return accounts.recentPosts(three.sandbox(), 20);
        });
        assertThat(sandboxPosts).filteredOn(p -> sandbox.externalId().equals(p.externalId())).singleElement()
                .satisfies(p -> assertThat(p.text()).contains(MESSAGE));

        JsonNode record = blueskyRecord(bluesky.externalId());
        assertThat(record.path("text").asString()).contains(MESSAGE);
        assertThat(record.at("/embed/images/0/alt").asString()).isEqualTo(ALT_TEXT);
        assertThat(record.at("/embed/images/0/image/mimeType").asString()).startsWith("image/");

        ObjectNode status = mastodon.status(toot.externalId());
        assertThat(status).as("status %s on the Mastodon stub", toot.externalId()).isNotNull();
        assertThat(status.path("content").asString()).contains("Concert au kiosque du parc samedi à 18 h");
        assertThat(status.at("/media_attachments/0/description").asString()).isEqualTo(ALT_TEXT);
        assertThat(status.path("url").asString()).isEqualTo(toot.url());

        // 9. Every page of the journey met WCAG 2.1 A/AA (axe-core: no serious or critical violation).
        assertThat(violations).as("axe-core violations on the journey's pages").isEmpty();
    }

    // ── Fixture ───────────────────────────────────────────────────────────────────────────────────

    record Accounts(UUID sandbox, UUID bluesky, UUID mastodon) {

        List<UUID> all() {
            return List.of(sandbox, bluesky, mastodon);
        }
    }

    /** The Sandbox (one click), Bluesky on the test PDS (app password), Mastodon on the stub (OAuth). */
    private Accounts connectThreeAccounts(Agent admin) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SocialAccountView sandbox = tenants.as(admin, () -> accounts.connectOneClick(Network.SANDBOX,
                "mairie-" + suffix, "Mairie (bac à sable)", "Habitants"));

        URI pds = BlueskyTestNetwork.get().pds();
        String handle = "mairie-" + suffix + ".test"; // the PDS takes at most 18 characters before ".test"
        JsonNode created = xrpc(pds, "com.atproto.server.createAccount", null, Map.of("handle", handle,
                "email", "mairie-" + suffix + "@ville.example", "password", "mot-de-passe-" + UUID.randomUUID()));
        JsonNode appPassword = xrpc(pds, "com.atproto.server.createAppPassword", created.get("accessJwt").asString(),
                Map.of("name", "Parvis"));
        SocialAccountView bluesky = tenants.as(admin, () -> accounts.connectWithAppPassword(Network.BLUESKY, handle,
                appPassword.get("password").asString(), pds.toString(), "Habitants"));

        URI redirect = URI.create("http://localhost:" + port + "/parametres/comptes/mastodon/retour");
        SocialAccountView toot = tenants.as(admin, () -> {
            ConnectFlow.OAuthStart start = accounts.startOAuth(Network.MASTODON, mastodon.baseUrl().toString(),
                    redirect, "etat-" + suffix);
            String code = mastodon.authorize(start.authorizationUrl());
            return accounts.finishOAuth(Network.MASTODON, start.pending(), code, redirect, "Habitants");
        });
        return new Accounts(sandbox.id(), bluesky.id(), toot.id());
    }

    /** A poster as a PNG file, to upload through the browser. */
    private static Path poster() throws IOException {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x8EC5FF));
            g.fillRect(0, 0, 640, 400);
            g.setColor(new Color(0x2E7D32));
            g.fillRect(0, 300, 640, 100);
            g.setColor(new Color(0x6D4C41));
            g.fillRect(220, 180, 200, 120);
            g.setColor(new Color(0xB71C1C));
            g.fillPolygon(new int[] {200, 320, 440}, new int[] {180, 100, 180}, 3);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(6));
            g.drawOval(80, 60, 30, 22);
            g.drawLine(110, 70, 110, 10);
            g.drawOval(520, 90, 30, 22);
            g.drawLine(550, 100, 550, 40);
        } finally {
            g.dispose();
        }
        Path file = Files.createTempFile("affiche-concert-", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static JsonNode xrpc(URI base, String nsid, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/xrpc/" + nsid))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(nsid + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The record of a post, read from the PDS as anyone can ({@code com.atproto.repo.getRecord}). */
    private static JsonNode blueskyRecord(String atUri) {
        assertThat(atUri).startsWith("at://");
        String[] parts = atUri.substring("at://".length()).split("/");
        JsonNode answer = xrpc(BlueskyTestNetwork.get().pds(), "com.atproto.repo.getRecord?repo="
                + URLEncoder.encode(parts[0], StandardCharsets.UTF_8) + "&collection=" + parts[1] + "&rkey=" + parts[2],
                null, null);
        return answer.get("value");
    }

    private PostView waitUntilPublished(Agent agent, UUID postId) throws InterruptedException {
        PostView post = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            post = tenants.as(agent, () -> publishing.get(postId));
            if (post.status() == PostStatus.PUBLISHED) {
                return post;
            }
            Thread.sleep(1000);
            jobs.dispatch();
        }
        PostView last = post;
        fail("not published after the dispatcher ran: " + last.status() + " " + last.variants().stream()
                .map(v -> v.network() + "=" + v.state() + (v.errorKey() == null ? "" : " (" + v.errorKey() + " "
                        + v.errorArguments() + ")")).toList());
        return last;
    }

    private static VariantView variant(PostView post, UUID account) {
        return post.variants().stream().filter(v -> v.accountId().equals(account)).findFirst().orElseThrow();
    }

    // ── Browser helpers ───────────────────────────────────────────────────────────────────────────

    private void login(Agent agent) {
        open("/connexion");
        assertThat(h1()).isEqualTo("Connexion à Parvis");
        driver.findElement(By.id("email")).sendKeys(agent.email());
        driver.findElement(By.id("password")).sendKeys(agent.password());
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click(), "/");
        assertThat(h1()).isEqualTo("Tableau de bord");
    }

    private void logout() {
        navigate(() -> driver.findElement(By.cssSelector(".account-nav form button")).click(), "/connexion");
    }

    /** "Vérifier": the composer is sent back with its checks, nothing saved. */
    private void check() {
        navigate(() -> driver.findElement(By.cssSelector("button[name=action][value=preview]")).click(), null);
        assertThat(driver.findElements(By.cssSelector("#apercu .net-card"))).as("the preview of the three accounts; "
                + "the page shows: %s", text("main")).hasSize(3);
    }

    private String summary() {
        return text("#apercu .preview-summary");
    }

    /** Replaces a field's value as pasting would, and tells the page (htmx preview, counter). */
    private void paste(WebElement field, String value) {
        js("arguments[0].focus(); arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, value);
    }

    private void setValue(WebElement field, String value) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        assertThat(field.getAttribute("value")).isEqualTo(value);
    }

    private String flash() {
        return findOrFail("main .alert-success").getText();
    }

    private WebElement findOrFail(String selector) {
        List<WebElement> found = driver.findElements(By.cssSelector(selector));
        if (found.isEmpty()) {
            fail("no " + selector + " on " + driver.getCurrentUrl() + "; the page shows:\n" + text("main"));
        }
        return found.get(0);
    }

    private String text(String selector) {
        List<WebElement> found = driver.findElements(By.cssSelector(selector));
        return found.isEmpty() ? "(no " + selector + ")" : found.get(0).getText();
    }

    private String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Runs an action that loads a new page and waits for that page (at {@code path}, if given). */
    private void navigate(Runnable action, String path) {
        WebElement previous = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> gone(previous));
        wait.until(d -> "complete".equals(js("return document.readyState;")));
        if (path != null) {
            assertThat(URI.create(driver.getCurrentUrl()).getPath()).as("the page shows: %s", text("main"))
                    .isEqualTo(path);
        }
    }

    private static boolean gone(WebElement previous) {
        try {
            previous.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs axe-core (WCAG 2.1 A/AA) on the current page; serious and critical violations are kept. */
    private void axe(String step) {
        HeadlessChromium.blockingViolations(driver, step).forEach(v -> violations.add(step + ": " + v));
    }

    /** A full-page PNG of the current page. */
    private void screenshot(String name) {
        HeadlessChromium.screenshot(driver, name);
    }
}

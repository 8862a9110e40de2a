package fr.parvis.publishing.web;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The composer and the "à valider" page in Chromium: the live preview arrives while typing (htmx,
 * the server's counts), axe-core finds no serious or critical WCAG 2.1 AA problem, at desktop and
 * phone width. Screenshots land in {@code target/screenshots/publishing-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@IntegrationTest
class ComposerBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static HeadlessChromium chromium;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    Clock clock;

    @Autowired
    MediaLibrary library;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theComposerPreviewsWhileTypingAndTheEluDecidesOnAPhone() {
        Team team = fixtures.team();
        login(team.manager());
        open("/publier/nouveau");
        driver.findElement(By.id("composer-body")).sendKeys("La fête de la musique a lieu le 21 juin sur le parvis "
                + "de la mairie. Concerts gratuits de 18 h à minuit.");
        driver.findElement(By.id("account-" + team.sandbox())).click();
        driver.findElement(By.id("composer-link")).sendKeys("https://www.ville.example/fete-de-la-musique");
        // htmx replaces the preview while typing: read it again when an element goes stale
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#apercu .net-text")).stream()
                        .anyMatch(e -> e.getText().contains("https://www.ville.example/fete-de-la-musique"))
                        && d.findElement(By.cssSelector("#apercu .length")).getText().contains("/ 2"));
        assertThat(driver.findElement(By.id("composer-body-count")).getText()).contains("Caractères saisis");
        assertThat(axe()).isEmpty();
        screenshot("publishing-composer-desktop");
        mobile();
        assertThat(axe()).isEmpty();
        screenshot("publishing-composer-mobile");
        desktop();

        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(
                "Collecte des encombrants mardi 14 : sortez-les la veille au soir.",
                clock.instant().plus(Duration.ofDays(2)), team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
        driver.manage().deleteAllCookies();
        login(team.elu());
        open("/publier/a-valider");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Collecte des encombrants")
                .contains("Valider").contains("Demander des modifications");
        assertThat(axe()).isEmpty();
        screenshot("publishing-a-valider-desktop");
        mobile();
        assertThat(axe()).isEmpty();
        Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("publishing-a-valider-mobile");
        desktop();

        open("/publier/publications/" + draft.id());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Votre décision").contains("Par compte");
        assertThat(axe()).isEmpty();
        screenshot("publishing-post-desktop");
        open("/notifications");
        assertThat(axe()).isEmpty();
        screenshot("publishing-notifications-desktop");
    }

    @Test
    void hashtagsComeFromTheKeyboardAndMediaAreChosenWithTheirAlternativeText() {
        Team team = fixtures.team();
        tenants.as(team.manager(), () -> publishing.create(post("Programme de la #FeteDeLaMusique", null,
                team.sandbox())));
        tenants.as(team.manager(), () -> publishing.create(post("Les scènes de la #fetedelamusique et du #FestivalDuLivre",
                null, team.sandbox())));
        MediaView described = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("facade-mairie.png",
                png(0x2255aa), "La façade de la mairie pavoisée")));
        MediaView bare = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("affiche-concert.png",
                png(0xaa3322), "")));
        login(team.manager());
        open("/publier/nouveau");

        // 1. Suggestions from the keyboard only: type, arrows, Enter
        WebElement body = driver.findElement(By.id("composer-body"));
        assertThat(body.getDomAttribute("role")).isEqualTo("combobox");
        assertThat(body.getDomAttribute("aria-expanded")).isEqualTo("false");
        body.sendKeys("Rendez-vous place de la mairie pour la #fe");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("#composer-body-suggestions [role=option]")).size() == 2);
        assertThat(body.getDomAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> options = driver.findElements(By.cssSelector("#composer-body-suggestions [role=option]"));
        assertThat(options.get(0).getText()).startsWith("#FeteDeLaMusique").contains("utilisé dans 2 publications");
        assertThat(options.get(1).getText()).startsWith("#FestivalDuLivre");
        assertThat(body.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
        assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
        screenshot("publishing-composer-suggestions");
        assertThat(axe()).isEmpty();
        body.sendKeys(Keys.ARROW_DOWN);
        assertThat(body.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(1).getDomAttribute("id"));
        body.sendKeys(Keys.ARROW_DOWN); // wraps around
        assertThat(body.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
        body.sendKeys(Keys.ENTER);
        assertThat(body.getDomProperty("value")).isEqualTo("Rendez-vous place de la mairie pour la #FeteDeLaMusique ");
        assertThat(body.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver.findElement(By.id("composer-live")).getText()).isIn("", "#FeteDeLaMusique inséré.");
        // Escape closes without changing the text; Tab picks too
        body.sendKeys("et du #fes");
        wait.until(d -> "true".equals(d.findElement(By.id("composer-body")).getDomAttribute("aria-expanded")));
        body.sendKeys(Keys.ESCAPE);
        assertThat(body.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(body.getDomProperty("value")).endsWith("et du #fes");
        body.sendKeys("t");
        wait.until(d -> "true".equals(d.findElement(By.id("composer-body")).getDomAttribute("aria-expanded")));
        body.sendKeys(Keys.TAB);
        assertThat(body.getDomProperty("value")).endsWith("et du #FestivalDuLivre ");
        assertThat(driver.switchTo().activeElement()).isEqualTo(body);

        // 2. The media picker, from the keyboard: open, tick, add; the alt texts show; reorder
        driver.findElement(By.id("account-" + team.sandbox())).click();
        WebElement variant = driver.findElement(By.id("v-" + team.sandbox()));
        if (variant.getDomAttribute("open") == null) {
            variant.findElement(By.tagName("summary")).click();
        }
        WebElement openPicker = variant.findElement(By.cssSelector(".media-pick-open"));
        openPicker.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#media-picker[open] .picker-grid input")).size() == 2);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getDomAttribute("id")).isEqualTo("pick-" + bare.id()); // the newest first, focused
        assertThat(text("#media-picker .picker-grid")).contains("affiche-concert.png").contains("Texte alternatif manquant")
                .contains("facade-mairie.png").contains("La façade de la mairie pavoisée").contains("image/png");
        screenshot("publishing-composer-media-picker");
        assertThat(axe()).isEmpty();
        first.sendKeys(Keys.SPACE);
        driver.findElement(By.id("pick-" + described.id())).sendKeys(Keys.SPACE);
        driver.findElement(By.cssSelector("#media-picker .picker-confirm")).sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#media-picker[open]")).isEmpty());
        assertThat(driver.switchTo().activeElement()).as("the focus comes back to the button").isEqualTo(openPicker);
        WebElement ids = driver.findElement(By.id("v-" + team.sandbox() + "-media"));
        assertThat(ids.getDomProperty("value")).isEqualTo(bare.id() + " " + described.id());
        wait.until(d -> d.findElements(By.cssSelector("#v-" + team.sandbox() + " .media-chosen > li")).size() == 2);
        List<WebElement> chosen = variant.findElements(By.cssSelector(".media-chosen > li"));
        assertThat(chosen.get(0).getText()).contains("affiche-concert.png").contains("Texte alternatif manquant");
        assertThat(chosen.get(0).findElement(By.partialLinkText("Ajouter le texte alternatif")).getDomAttribute("href"))
                .isEqualTo("/publier/medias/" + bare.id());
        assertThat(chosen.get(1).getText()).contains("Texte alternatif : La façade de la mairie pavoisée");
        chosen.get(1).findElement(By.cssSelector(".media-up")).sendKeys(Keys.ENTER);
        assertThat(ids.getDomProperty("value")).isEqualTo(described.id() + " " + bare.id());
        assertThat(driver.switchTo().activeElement().getDomProperty("textContent")).isEqualTo("Descendre facade-mairie.png");
        // the live preview shows the missing alternative text once, the card pointing to it
        wait.ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(
                By.cssSelector("#apercu .card-findings a")).isEmpty());
        String preview = text("#apercu");
        assertThat(preview.split("n’a pas de texte alternatif", -1)).hasSize(2);
        screenshot("publishing-composer-media-chosen");
        assertThat(axe()).isEmpty();
        mobile();
        screenshot("publishing-composer-media-chosen-mobile");
        Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        desktop();
        chosen = variant.findElements(By.cssSelector(".media-chosen > li"));
        chosen.get(1).findElement(By.cssSelector(".media-remove")).sendKeys(Keys.ENTER);
        assertThat(ids.getDomProperty("value")).isEqualTo(described.id().toString());

        // 3. Saved as chosen
        navigateSubmit();
        String location = driver.getCurrentUrl();
        assertThat(location).contains("/publier/publications/");
        UUID postId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        PostView saved = tenants.as(team.manager(), () -> publishing.get(postId));
        assertThat(saved.body()).isEqualTo("Rendez-vous place de la mairie pour la #FeteDeLaMusique et du #FestivalDuLivre");
        assertThat(saved.variants().get(0).mediaIds()).containsExactly(described.id().value());

        // 4. A WebP image goes into the library through its page, with its size read from the header
        open("/publier/medias");
        assertThat(text("#upload-file-hint")).contains("WebP");
        driver.findElement(By.id("upload-file")).sendKeys(Path.of("src/test/resources/media/vitrail-60x40.webp")
                .toAbsolutePath().toString());
        driver.findElement(By.id("upload-altText")).sendKeys("Le vitrail rouge et bleu de la chapelle");
        String library = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(library));
        assertThat(text("main")).contains("vitrail-60x40.webp").contains("image/webp").contains("60");
        assertThat(driver.findElement(By.cssSelector("main img[src$='/apercu']")).getDomAttribute("alt"))
                .isEqualTo("Le vitrail rouge et bleu de la chapelle");
        screenshot("publishing-media-webp");
        assertThat(axe()).isEmpty();
    }

    private void navigateSubmit() {
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("button[name=action][value=draft]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(before));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static byte[] png(int rgb) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 120,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 160; x++) {
            for (int y = 0; y < 120; y++) {
                image.setRGB(x, y, rgb + (y / 8));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void login(Agent agent) {
        open("/connexion");
        driver.manage().deleteAllCookies(); // a session left by another test
        open("/connexion");
        driver.findElement(By.id("email")).sendKeys(agent.email());
        driver.findElement(By.id("password")).sendKeys(TestTenants.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/connexion"));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private List<String> axe() {
        return HeadlessChromium.blockingViolations(driver, driver.getCurrentUrl());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void mobile() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(driver, name);
    }
}

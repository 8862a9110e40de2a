package fr.parvis.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.parvis.test.DemoIntegrationTest;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The back-office in a real browser (headless Chromium driven by Selenium, no download): the main
 * journey of an administrator, the keyboard, and an axe-core check (WCAG 2.1 A and AA) of every page
 * at desktop and mobile width. Screenshots of every step land in {@code target/screenshots/}.
 */
@RequiresPeer(Peer.CHROMIUM)
@DemoIntegrationTest
class BrowserIntegrationTests {

    static final String DEMO_EMAIL = "admin@ville-demo.example";
    static final String DEMO_PASSWORD = "demo-parvis-2026";
    static final String VILLE = "Ville de Démo";
    static final String EPCI = "Communauté d'agglomération de Démo";
    static final String BOURG = "Bourg-de-Démo";

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1366;
    static final int DESKTOP_HEIGHT = 900;
    static final int MOBILE_WIDTH = 390;
    static final int MOBILE_HEIGHT = 844;
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        // Selenium Manager must never go online: the driver and the browser are given explicitly.
        System.setProperty("SE_MANAGER_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", Peer.chromedriverBinary());
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path file : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        }
        profile = Files.createTempDirectory("parvis-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Peer.chromedriverBinary()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Peer.chromiumBinary());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=fr-FR",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void loggedOutInFrench() {
        desktop();
        open("/accessibilite?lang=fr");
        driver.manage().deleteAllCookies();
        driver.manage().logs().get(LogType.BROWSER); // drain
    }

    /** The demo account remembers its last collectivité: leave it in Ville de Démo for the next test. */
    @AfterEach
    void backToVille() {
        try {
            open("/?lang=fr");
            if (!driver.findElements(By.id("switch-collectivite")).isEmpty() && !headerCollectivite().contains(VILLE)) {
                switchTo(VILLE);
            }
        } catch (RuntimeException e) {
            System.err.println("Could not switch back to " + VILLE + ": " + e.getMessage());
        }
    }

    // ── The "Must show" ───────────────────────────────────────────────────────────────────

    @Test
    void administratorLogsInSwitchesCollectiviteAddsAUserAndFindsItInTheAuditTrail() {
        open("/connexion");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Connexion à Parvis");
        screenshot("journey-01-connexion");

        driver.findElement(By.id("email")).sendKeys(DEMO_EMAIL);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        screenshot("journey-02-connexion-remplie");
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click(), "/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tableau de bord");
        assertThat(headerCollectivite()).contains(VILLE);
        screenshot("journey-03-tableau-de-bord");

        // Switch to the EPCI with the header switcher, then back.
        switchTo(EPCI);
        assertThat(headerCollectivite()).contains(EPCI);
        assertThat(flash("main .alert-success"))
                .isEqualTo("Vous travaillez maintenant pour " + EPCI + ".");
        assertThat(driver.findElement(By.cssSelector(".account-nav a[href$='/compte']")).getText())
                .contains("Claire Dubois").contains("Direction de la communication");
        screenshot("journey-04-collectivite-epci");
        switchTo(VILLE);
        assertThat(headerCollectivite()).contains(VILLE).doesNotContain(EPCI);
        screenshot("journey-05-retour-ville");

        // Add a user with a role and a temporary password.
        navigate(() -> driver.findElement(By.linkText("Paramètres")).click(), "/parametres/collectivite");
        navigate(() -> driver.findElement(By.linkText("Utilisateurs et rôles")).click(), "/parametres/utilisateurs");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Utilisateurs et rôles");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "agent-" + suffix + "@ville-demo.example";
        String name = "Agathe Martin " + suffix;
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys(name);
        new Select(driver.findElement(By.id("role"))).selectByValue("ELECTED_OFFICIAL");
        driver.findElement(By.id("initialPassword")).sendKeys("Bienvenue-Mairie-2026");
        screenshot("journey-06-ajout-utilisateur");
        navigate(() -> driver.findElement(By.cssSelector("#add-title ~ form button[type=submit]")).click(), "/parametres/utilisateurs");
        screenshot("journey-07-utilisateur-ajoute");
        assertThat(flash("main .alert-success"))
                .contains(name).contains(email).contains("mot de passe provisoire");
        WebElement row = driver.findElement(By.xpath("//tr[.//*[text()='" + email + "']]"));
        assertThat(new Select(row.findElement(By.tagName("select"))).getFirstSelectedOption().getText()).isEqualTo("Élu");
        assertThat(row.getText()).contains("mot de passe provisoire");

        // Find the action in the audit trail.
        navigate(() -> driver.findElement(By.linkText("Journal d'audit")).click(), "/parametres/journal");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Journal d'audit");
        new Select(driver.findElement(By.id("filter-action"))).selectByVisibleText("Membre ajouté");
        // The filter updates the results in place (htmx) and records the search in the address.
        WebElement results = driver.findElement(By.id("audit-results"));
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(results));
        wait.until(d -> d.getCurrentUrl().contains("action=member.added"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/parametres/journal");
        assertThat(new Select(driver.findElement(By.id("filter-action"))).getFirstSelectedOption().getText())
                .isEqualTo("Membre ajouté");
        assertThat(driver.findElement(By.id("audit-status")).getAttribute("textContent")).contains("entrée");
        WebElement entry = driver.findElement(By.xpath("//tbody/tr[td[text()='" + email + "']]"));
        assertThat(entry.getText()).contains("Membre ajouté").contains("Claire Dubois");
        assertThat(driver.findElements(By.xpath("//tbody/tr/td[3]"))).allSatisfy(
                cell -> assertThat(cell.getText()).isEqualTo("Membre ajouté"));
        screenshot("journey-08-journal-filtre");
    }

    @Test
    void wrongPasswordShowsTheErrorInFrench() {
        open("/connexion");
        driver.findElement(By.id("email")).sendKeys("lecture@ville-demo.example");
        driver.findElement(By.id("password")).sendKeys("pas-le-bon-mot-de-passe");
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click(), "/connexion");
        WebElement error = driver.findElement(By.cssSelector("main .alert-error"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isEqualTo("Adresse électronique ou mot de passe incorrect.");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("lecture@ville-demo.example");
        assertThat(driver.switchTo().activeElement()).isEqualTo(error);
        screenshot("journey-09-connexion-erreur");
        assertAccessible("/connexion?erreur (échec)", "connexion-erreur");
    }

    @Test
    void keyboardOnly() {
        // Log in without the mouse: skip link, into the content, the e-mail field, Tab to the password, Enter.
        open("/connexion");
        keys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("skip-link");
        keys(Keys.ENTER, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
        keys(DEMO_EMAIL, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        navigate(() -> keys(DEMO_PASSWORD, Keys.ENTER), "/");

        // On a fresh page load the first Tab reaches the skip link; activating it focuses the main content.
        for (String path : List.of("/", "/parametres/utilisateurs", "/parametres/journal")) {
            open(path);
            keys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            assertThat(focused.getAttribute("class")).as("first Tab stop on " + path).contains("skip-link");
            assertThat(focused.getText()).isEqualTo("Aller au contenu");
            assertThat(focused.isDisplayed()).isTrue();
            if (path.equals("/")) {
                screenshot("clavier-01-lien-evitement");
            }
            keys(Keys.ENTER);
            WebElement main = driver.switchTo().activeElement();
            assertThat(main.getTagName()).as("focus after the skip link on " + path).isEqualTo("main");
            assertThat(main.getAttribute("id")).isEqualTo("contenu");
            keys(Keys.TAB);
            WebElement next = driver.switchTo().activeElement();
            assertThat(isInside(next, "main#contenu")).as("next Tab stays in the content on " + path).isTrue();
            if (path.equals("/")) {
                screenshot("clavier-02-premier-lien-du-contenu");
            }
        }

        // The header switcher works with the keyboard too: skip link, home link, then the switcher.
        open("/");
        keys(Keys.TAB, Keys.TAB, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("switch-collectivite");
        keys("Communaut"); // type-ahead in the closed list
        assertThat(new Select(driver.findElement(By.id("switch-collectivite"))).getFirstSelectedOption().getText())
                .isEqualTo(EPCI);
        keys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Changer");
        navigate(() -> keys(Keys.ENTER), "/");
        assertThat(headerCollectivite()).contains(EPCI);
        WebElement flash = driver.switchTo().activeElement();
        assertThat(flash.getAttribute("class")).as("the flash message takes the focus").contains("alert-success");
        switchTo(VILLE);
    }

    // ── Accessibility and screenshots of every page ───────────────────────────────────────────────

    @TestFactory
    Stream<DynamicTest> everyPageIsAccessibleAtDesktopAndMobileWidth() {
        List<DynamicTest> tests = new ArrayList<>();
        page(tests, "connexion", "/connexion", null);
        tests.add(DynamicTest.dynamicTest("se connecter", () -> login()));
        page(tests, "tableau-de-bord", "/", "Tableau de bord");
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("strategie", "Stratégie");
        areas.put("publications", "Publications");
        areas.put("echanges", "Échanges");
        areas.put("veille", "Veille");
        areas.put("statistiques", "Statistiques");
        areas.put("participation", "Participation");
        areas.forEach((path, title) -> page(tests, path, "/" + path, title));
        page(tests, "parametres-collectivite", "/parametres/collectivite", "Collectivité");
        page(tests, "parametres-utilisateurs", "/parametres/utilisateurs", "Utilisateurs et rôles");
        check(tests, "parametres-utilisateurs-erreurs", "formulaire d'ajout avec erreurs", () -> {
            open("/parametres/utilisateurs");
            driver.findElement(By.id("email")).sendKeys("pas-une-adresse");
            navigate(() -> driver.findElement(By.cssSelector("#add-title ~ form button[type=submit]")).click(), "/parametres/utilisateurs");
            WebElement summary = driver.findElement(By.cssSelector("main form .alert-error"));
            assertThat(summary.findElements(By.cssSelector("a[href='#email']"))).hasSize(1);
            assertThat(driver.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.switchTo().activeElement()).isEqualTo(summary);
        });
        page(tests, "parametres-services", "/parametres/services", "Services municipaux");
        check(tests, "parametres-service-modification", "modification d'un service", () -> {
            open("/parametres/services");
            navigate(() -> driver.findElement(By.cssSelector("main table a.button")).click(), null);
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Modifier");
        });
        page(tests, "parametres-delegations-ville", "/parametres/delegations", "Délégations");
        page(tests, "parametres-jetons", "/parametres/jetons", "Jetons d'API");
        check(tests, "parametres-jetons-cree", "jeton juste créé", () -> {
            open("/parametres/jetons");
            driver.findElement(By.id("name")).sendKeys("Export presse " + UUID.randomUUID().toString().substring(0, 4));
            navigate(() -> driver.findElement(By.cssSelector("#create-title ~ form button[type=submit]")).click(), "/parametres/jetons");
            assertThat(driver.findElement(By.id("new-token")).getText()).startsWith("pvs_");
        });
        page(tests, "parametres-journal", "/parametres/journal", "Journal d'audit");
        page(tests, "parametres-comptes", "/parametres/comptes", "Comptes sociaux");
        check(tests, "parametres-compte-sandbox", "page d'état d'un compte Sandbox de la démo", () -> {
            open("/parametres/comptes");
            assertThat(driver.findElements(By.cssSelector("main tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
            navigate(() -> driver.findElement(By.xpath("//main//tbody//a[normalize-space()='Ville de Démo']")).click(), null);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ville de Démo — Sandbox (réseau simulé)");
            navigate(() -> driver.findElement(By.cssSelector("form[action$='/synchronisation'] button")).click(), null);
            assertThat(driver.findElement(By.cssSelector("main .alert-success")).getText()).startsWith("Nouveautés : ")
                    .doesNotContain("(s)");
        });
        check(tests, "parametres-comptes-mastodon-erreur", "instance Mastodon refusée", () -> {
            open("/parametres/comptes");
            WebElement mastodon = driver.findElement(By.xpath("//summary[normalize-space()='Mastodon']"));
            mastodon.click();
            driver.findElement(By.id("mastodon-server")).sendKeys("http://127.0.0.1:9/");
            navigate(() -> driver.findElement(By.cssSelector("form[action$='/parametres/comptes/mastodon'] button[type=submit]")).click(),
                    null);
            WebElement summary = driver.findElement(By.cssSelector("main form .alert-error"));
            assertThat(summary.findElements(By.cssSelector("a[href='#mastodon-server']"))).hasSize(1);
            assertThat(driver.findElement(By.id("mastodon-server")).getAttribute("aria-invalid")).isEqualTo("true");
        });
        page(tests, "parametres-sources", "/parametres/sources", "Sources (RSS/Atom)");
        check(tests, "parametres-sources-erreur", "flux à une adresse interne refusé", () -> {
            open("/parametres/sources");
            driver.findElement(By.id("feed-url")).sendKeys("http://10.0.0.1/rss.xml");
            navigate(() -> driver.findElement(By.cssSelector("form[action$='/parametres/sources'] button[type=submit]")).click(),
                    null);
            WebElement summary = driver.findElement(By.cssSelector("main form .alert-error"));
            assertThat(summary.findElements(By.cssSelector("a[href='#feed-url']"))).hasSize(1);
            assertThat(driver.findElement(By.id("feed-url")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElement(By.id("feed-url")).getAttribute("aria-describedby"))
                    .isEqualTo("feed-url-hint feed-url-error");
        });
        check(tests, "parametres-elections", "calendrier électoral et bandeau de réserve", () -> {
            open("/parametres/elections");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Élections et période de réserve");
            assertThat(driver.findElements(By.cssSelector("main tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        });
        check(tests, "parametres-elections-erreur", "élection aux tours dans le désordre refusée", () -> {
            open("/parametres/elections");
            driver.findElement(By.id("election-name")).sendKeys("Partielle");
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('election-round1').value = '2030-03-17';"
                    + "document.getElementById('election-round2').value = '2030-03-10';");
            navigate(() -> driver.findElement(By.cssSelector("form[action$='/parametres/elections'] button[type=submit]")).click(),
                    null);
            assertThat(driver.findElement(By.cssSelector("main form .alert-error")).getText())
                    .contains("Le second tour doit avoir lieu après le premier.");
        });
        page(tests, "publier-medias", "/publier/medias", "Médiathèque");
        check(tests, "publier-medias-erreur", "fichier texte nommé .png refusé", () -> {
            open("/publier/medias");
            driver.findElement(By.id("upload-file")).sendKeys(tempFile("pas-une-image.png",
                    "du texte".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            navigate(() -> driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"))
                    .click(), "/publier/medias");
            WebElement summary = driver.findElement(By.cssSelector("main form .alert-error"));
            assertThat(summary.findElements(By.cssSelector("a[href='#upload-file']"))).hasSize(1);
            assertThat(driver.findElement(By.id("upload-file")).getAttribute("aria-invalid")).isEqualTo("true");
        });
        check(tests, "publier-medias-ajout", "image ajoutée sans texte alternatif", () -> {
            open("/publier/medias");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(300, 200,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(10, 10, 0xFFFFFF);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            driver.findElement(By.id("upload-file")).sendKeys(tempFile("affiche-" + UUID.randomUUID()
                    .toString().substring(0, 6) + ".png", png.toByteArray()));
            navigate(() -> driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"))
                    .click(), null);
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("affiche-");
            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Texte alternatif manquant");
        });
        page(tests, "publier-medias-grille", "/publier/medias", "Médiathèque");
        page(tests, "compte", "/compte", "Mon compte");
        page(tests, "accessibilite", "/accessibilite", "Déclaration d'accessibilité");
        page(tests, "erreur-404", "/cette-page-n-existe-pas", "Page introuvable");
        check(tests, "epci-tableau-de-bord", "tableau de bord de l'EPCI", () -> switchTo(EPCI));
        page(tests, "epci-parametres-delegations", "/parametres/delegations", "Délégations");
        page(tests, "epci-parametres-collectivite", "/parametres/collectivite", "Collectivité");
        check(tests, "bourg-tableau-de-bord", "commune gérée par délégation", () -> {
            switchTo(BOURG);
            assertThat(headerCollectivite()).contains("par délégation");
        });
        check(tests, "ville-tableau-de-bord", "retour à la Ville", () -> switchTo(VILLE));
        // English.
        page(tests, "en-tableau-de-bord", "/?lang=en", "Dashboard");
        page(tests, "en-strategie", "/strategie", "Strategy");
        page(tests, "en-parametres-collectivite", "/parametres/collectivite", null);
        page(tests, "en-parametres-utilisateurs", "/parametres/utilisateurs", "Users and roles");
        page(tests, "en-parametres-services", "/parametres/services", null);
        page(tests, "en-parametres-delegations", "/parametres/delegations", null);
        page(tests, "en-parametres-jetons", "/parametres/jetons", null);
        page(tests, "en-parametres-journal", "/parametres/journal", "Audit trail");
        page(tests, "en-parametres-comptes", "/parametres/comptes", "Social accounts");
        page(tests, "en-publier-medias", "/publier/medias", "Media library");
        page(tests, "en-compte", "/compte", null);
        page(tests, "en-accessibilite", "/accessibilite", null);
        page(tests, "en-erreur-404", "/cette-page-n-existe-pas", null);
        check(tests, "en-connexion", "login page in English", () -> {
            open("/parametres/jetons");
            navigate(() -> driver.findElement(By.cssSelector(".account-nav form button")).click(), "/connexion");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Log in to Parvis");
        });
        check(tests, "en-connexion-erreur", "login error in English", () -> {
            driver.findElement(By.id("email")).sendKeys("lecture@ville-demo.example");
            driver.findElement(By.id("password")).sendKeys("wrong-password");
            navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click(), "/connexion");
            assertThat(driver.findElement(By.cssSelector("main .alert-error")).getText())
                    .isEqualTo("Incorrect email address or password.");
        });
        tests.add(DynamicTest.dynamicTest("back to French", () -> open("/connexion?lang=fr")));
        return tests.stream();
    }

    private void page(List<DynamicTest> tests, String name, String path, String expectedTitle) {
        check(tests, name, path, () -> {
            open(path);
            if (expectedTitle != null) {
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(expectedTitle);
            }
        });
    }

    private void check(List<DynamicTest> tests, String name, String description, Runnable reach) {
        tests.add(DynamicTest.dynamicTest(name + " (" + description + ")", () -> {
            desktop();
            reach.run();
            assertAccessible(description, name);
        }));
    }

    /**
     * Checks the current page at desktop and then mobile width: axe-core (WCAG 2.1 A/AA, serious and
     * critical impacts fail), no raw message key, the page language, a title, one h1, no horizontal
     * scrolling on a phone, no console error (a CSP violation shows there); saves both screenshots.
     */
    private void assertAccessible(String description, String name) {
        List<String> problems = new ArrayList<>();
        String url = driver.getCurrentUrl();
        String text = driver.findElement(By.tagName("body")).getText();
        if (text.contains("??") || text.contains("#{")) {
            problems.add("raw message key on the page: " + excerptAround(text, text.contains("??") ? "??" : "#{"));
        }
        String html = driver.getPageSource();
        if (html.contains("??") && html.matches("(?s).*\\?\\?[A-Za-z0-9_.]+_(fr|en)\\?\\?.*")) {
            problems.add("raw message key in an attribute");
        }
        String language = name.startsWith("en-") ? "en" : "fr";
        String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
        if (!language.equals(lang)) {
            problems.add("html lang=\"" + lang + "\" instead of \"" + language + "\"");
        }
        if (driver.getTitle().isBlank()) {
            problems.add("empty <title>");
        }
        int h1 = driver.findElements(By.tagName("h1")).size();
        if (h1 != 1) {
            problems.add(h1 + " h1 elements instead of one");
        }
        problems.addAll(axe("desktop"));
        screenshot(name + "-desktop");
        mobile();
        try {
            problems.addAll(axe("mobile"));
            Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow != null && overflow > 0) {
                problems.add("mobile: the page scrolls horizontally by " + overflow + " px at " + MOBILE_WIDTH
                        + " px; widest elements: " + js(WIDEST_ELEMENTS));
            }
            screenshot(name + "-mobile");
        } finally {
            desktop();
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            boolean expected404 = name.contains("404") && entry.getMessage().contains("404");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected404) {
                problems.add("console: " + entry.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            String report = "Page « " + description + " » (" + url + "):\n  " + String.join("\n  ", problems);
            System.out.println("[ACCESSIBILITY] " + report);
            fail(report);
        }
        System.out.println("[ACCESSIBILITY] OK " + description + " (" + url + ")");
    }

    /** axe-core in the page itself, as in {@link fr.parvis.test.HeadlessChromium#blockingViolations}. */
    private List<String> axe(String viewport) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).setLegacyMode(true).analyze(driver);
        if (results.isErrored()) {
            return List.of(viewport + ": axe-core failed: " + results.getErrorMessage());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String line = "%s: [%s] %s — %s (%s)".formatted(viewport, rule.getImpact(), rule.getId(), rule.getHelp(),
                    rule.getHelpUrl());
            StringBuilder detail = new StringBuilder(line);
            for (CheckedNode node : rule.getNodes()) {
                detail.append("\n      • ").append(node.getTarget()).append("  ").append(abbreviate(node.getHtml()))
                        .append("\n        ").append(String.valueOf(node.getFailureSummary()).replace("\n", "\n        "));
            }
            if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
                found.add(detail.toString());
            } else {
                System.out.println("[ACCESSIBILITY] (not blocking) " + detail);
            }
        }
        return found;
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────

    private void login() {
        open("/connexion");
        driver.findElement(By.id("email")).sendKeys(DEMO_EMAIL);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click(), "/");
        assertThat(headerCollectivite()).contains(VILLE);
    }

    private void switchTo(String collectivite) {
        new Select(driver.findElement(By.id("switch-collectivite"))).selectByVisibleText(
                collectivite.equals(BOURG) ? BOURG + " (via " + EPCI + ")" : collectivite);
        navigate(() -> driver.findElement(By.cssSelector(".switcher button[type=submit]")).click(), "/");
        assertThat(headerCollectivite()).contains(collectivite);
    }

    /** The text of a message the page must show, or a failure quoting what the page shows instead. */
    private String flash(String selector) {
        List<WebElement> found = driver.findElements(By.cssSelector(selector));
        if (found.isEmpty()) {
            fail("no " + selector + " on " + driver.getCurrentUrl() + "; the page shows:\n"
                    + driver.findElement(By.tagName("main")).getText());
        }
        return found.get(0).getText();
    }

    private String headerCollectivite() {
        return driver.findElement(By.cssSelector("header .collectivite")).getText();
    }

    /** A file on disk for a file input (Chromium reads it from the path). */
    private static String tempFile(String name, byte[] content) {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("parvis-media");
            java.nio.file.Path file = directory.resolve(name);
            java.nio.file.Files.write(file, content);
            file.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return file.toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Runs an action that loads a new page and waits for that page (at {@code path}, if given). */
    private void navigate(Runnable action, String path) {
        WebElement previous = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> gone(previous));
        wait.until(d -> "complete".equals(js("return document.readyState;")));
        if (path != null) {
            assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo(path);
        }
    }

    /**
     * Whether the previous page's root element is gone. Chromium sometimes reports a detached node
     * as an inspector error rather than as a stale element while the next page replaces it.
     */
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

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private boolean isInside(WebElement element, String selector) {
        return Boolean.TRUE.equals(js("return arguments[0].closest(arguments[1]) !== null;", element, selector));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", DESKTOP_WIDTH, "height",
                DESKTOP_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    }

    private void mobile() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", MOBILE_WIDTH, "height",
                MOBILE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    /** A full-page PNG of the current page at the current width. */
    private void screenshot(String name) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            @SuppressWarnings("unchecked")
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            double width = Math.max(((Number) viewport.get("clientWidth")).doubleValue(),
                    ((Number) js("return window.innerWidth;")).doubleValue());
            double height = Math.max(((Number) content.get("height")).doubleValue(),
                    ((Number) viewport.get("clientHeight")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height",
                            Math.min(height, 12_000), "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    private static String abbreviate(String html) {
        String oneLine = html == null ? "" : html.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine;
    }

    private static String excerptAround(String text, String marker) {
        int at = text.indexOf(marker);
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60)).replace('\n', ' ');
    }

    private static final String WIDEST_ELEMENTS = """
            const w = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().right > w + 1)
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                 + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')')
              .join(', ');
            """;
}

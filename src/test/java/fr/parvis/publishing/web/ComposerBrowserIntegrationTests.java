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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The composer and the "à valider" page in Chromium: the live preview arrives while typing (htmx,
 * the server's counts), axe-core finds no serious or critical WCAG 2.1 AA problem, at desktop and
 * phone width. Screenshots land in {@code target/screenshots/publishing-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposerBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path profile;

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

    @BeforeAll
    static void startChromium() throws IOException {
        System.setProperty("SE_MANAGER_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", Peer.chromedriverBinary());
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("parvis-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(Peer.chromedriverBinary()))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Peer.chromiumBinary());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=fr-FR", "--window-size=1366,900",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
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

    @Test
    void theComposerPreviewsWhileTypingAndTheEluDecidesOnAPhone() {
        Team team = fixtures.team();
        login(team.manager());
        open("/publier/nouveau");
        driver.findElement(By.id("composer-body")).sendKeys("La fête de la musique a lieu le 21 juin sur le parvis "
                + "de la mairie. Concerts gratuits de 18 h à minuit.");
        driver.findElement(By.id("account-" + team.sandbox())).click();
        driver.findElement(By.id("composer-link")).sendKeys("https://www.ville.example/fete-de-la-musique");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#apercu .net-text"))
                .stream().anyMatch(e -> e.getText().contains("fete-de-la-musique")));
        assertThat(driver.findElement(By.cssSelector("#apercu .length")).getText()).contains("/ 2");
        assertThat(driver.findElement(By.cssSelector("#apercu .net-text")).getText())
                .contains("https://www.ville.example/fete-de-la-musique");
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

    private void login(Agent agent) {
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
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> found = new ArrayList<>();
        if (results.isErrored()) {
            found.add("axe-core failed: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            String line = rule.getImpact() + " " + rule.getId() + " " + rule.getHelp() + " " + rule.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget())).toList();
            System.out.println("[ACCESSIBILITY] " + line);
            if (List.of("serious", "critical").contains(rule.getImpact())) {
                found.add(line);
            }
        }
        return found;
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
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) js("return window.innerWidth;")).doubleValue();
            double height = ((Number) content.get("height")).doubleValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height",
                            Math.min(height, 8_000), "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }
}

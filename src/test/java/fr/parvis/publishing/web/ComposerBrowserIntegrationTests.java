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
import fr.parvis.test.HeadlessChromium;
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
import org.openqa.selenium.StaleElementReferenceException;
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

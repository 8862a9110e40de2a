package fr.parvis.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.ThreadPartView;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A two-part thread composed in Chromium with the keyboard only: parts added with the button, typed,
 * reordered with "Monter", previewed as the network counts them; saved as a draft with its parts in
 * order; once published, the post page lists each part with its link. axe-core finds no serious or
 * critical WCAG 2.1 AA problem. Screenshots: {@code target/screenshots/publishing-thread-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@IntegrationTest
class ThreadBrowserIntegrationTests {

    static HeadlessChromium chromium;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    fr.parvis.publishing.jobs.PublishingJobs jobs;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

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
    void aTwoPartThreadIsComposedWithTheKeyboardPreviewedSavedAndShownWithItsLinks() {
        Team team = fixtures.team();
        String vid = "v-" + team.sandbox();
        login(team.manager());
        open("/publier/nouveau");
        driver.findElement(By.id("composer-body")).sendKeys("Travaux rue de la Gare du 3 au 14 mars.");
        driver.findElement(By.id("account-" + team.sandbox())).click();
        WebElement summary = driver.findElement(By.cssSelector("#" + vid + " > summary"));
        summary.sendKeys(Keys.ENTER);
        assertThat(driver.findElements(By.cssSelector("#" + vid + "-thread .thread-part")))
                .as("no empty part with JavaScript").isEmpty();

        WebElement add = driver.findElement(By.cssSelector("#" + vid + "-thread .thread-add"));
        assertThat(add.isDisplayed()).isTrue();
        add.sendKeys(Keys.ENTER);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getAttribute("id")).isEqualTo(vid + "-part-0-text");
        first.sendKeys("Déviation par l’avenue Jean-Jaurès.");
        add.sendKeys(Keys.ENTER);
        WebElement second = driver.switchTo().activeElement();
        assertThat(second.getAttribute("name")).isEqualTo("variants[" + team.sandbox() + "].thread[1].text");
        second.sendKeys("Les bus 4 et 7 sont déviés.");
        assertThat(driver.findElement(By.id(vid + "-part-1-count")).getText()).startsWith("27 caractère");

        // keyboard reordering: part 2 goes up
        WebElement up = driver.findElement(By.cssSelector("#" + vid + "-thread .thread-part:nth-child(2) "
                + "[data-thread-move='-1']"));
        up.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Monter la partie 1");
        assertThat(driver.findElement(By.id(vid + "-part-0-text")).getAttribute("value"))
                .isEqualTo("Les bus 4 et 7 sont déviés.");
        assertThat(driver.findElement(By.cssSelector("label[for='" + vid + "-part-1-text']")).getText())
                .isEqualTo("Partie 2 du fil");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#" + vid + "-thread .thread-status")).getText()
                        .contains("position 1"));

        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> texts(d.findElements(By.cssSelector("#apercu .net-thread .net-text")))
                        .equals(List.of("Les bus 4 et 7 sont déviés.", "Déviation par l’avenue Jean-Jaurès.")));
        assertThat(driver.findElement(By.cssSelector("#apercu .net-thread")).getText()).contains("Partie 1 sur 2")
                .contains("27 / 2");
        assertThat(axe()).isEmpty();
        HeadlessChromium.screenshot(driver, "publishing-thread-composer-desktop");
        mobile();
        assertThat(axe()).isEmpty();
        HeadlessChromium.screenshot(driver, "publishing-thread-composer-mobile");
        desktop();

        driver.findElement(By.cssSelector("button[name=action][value=draft]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/publier/publications/"));
        PostView saved = tenants.as(team.manager(), () -> publishing.list(PostFilter.all(), 0, 10)).get(0);
        assertThat(saved.variants().get(0).thread()).extracting(ThreadPartView::text)
                .containsExactly("Les bus 4 et 7 sont déviés.", "Déviation par l’avenue Jean-Jaurès.");

        // the composer of the saved draft shows the parts again, in order
        open("/publier/publications/" + saved.id() + "/modifier");
        assertThat(driver.findElement(By.id(vid + "-part-0-text")).getAttribute("value"))
                .isEqualTo("Les bus 4 et 7 sont déviés.");
        assertThat(driver.findElements(By.cssSelector("#" + vid + "-thread .thread-part"))).hasSize(2);

        tenants.as(team.manager(), () -> publishing.submit(saved.id(), Set.of()));
        tenants.as(team.elu(), () -> publishing.approve(saved.id(), null));
        tenants.as(team.manager(), () -> publishing.publishNow(saved.id()));
        // what is due is published by the pump in production; tests run the dispatcher (the pump is off)
        jobs.dispatch();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> tenants.as(team.manager(),
                () -> publishing.get(saved.id())).variants().get(0).thread().stream()
                .allMatch(p -> p.state() == ThreadPartState.PUBLISHED));
        open("/publier/publications/" + saved.id());
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Fil : 2 partie(s) publiée(s) sur 2").contains("Voir la partie 1 sur le réseau")
                .contains("Voir la partie 2 sur le réseau");
        assertThat(driver.findElements(By.cssSelector(".net-thread a[href]"))).hasSize(2);
        assertThat(axe()).isEmpty();
        HeadlessChromium.screenshot(driver, "publishing-thread-post-desktop");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
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

    private void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void mobile() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }
}

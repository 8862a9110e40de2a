package fr.parvis.publishing.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.parvis.test.DemoIntegrationTest;
import fr.parvis.test.HeadlessChromium;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Crisis mode in a real browser on the demo collectivité: start it from {@code /publier/crise}
 * (with the confirmation), the banner, the alert form, then leave it; axe-core (WCAG 2.1 A/AA,
 * serious and critical) on each page, screenshots in {@code target/screenshots/crisis-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@DemoIntegrationTest
class CrisisBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static HeadlessChromium chromium;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

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
    void aDirectorStartsCrisisModeSeesTheBannerAndLeavesIt() {
        open("/connexion");
        driver.findElement(By.id("email")).sendKeys("admin@ville-demo.example");
        driver.findElement(By.id("password")).sendKeys("demo-parvis-2026");
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click());

        open("/publier/crise");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mode crise");
        accessible("crisis-01-inactive");
        driver.findElement(By.id("crisis-reason")).sendKeys("Crue de la Vienne : routes du bas de la ville coupées");
        WebElement submit = driver.findElement(By.cssSelector("form[action$='/publier/crise/activation'] button"));
        navigate(() -> {
            submit.click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        });
        assertThat(driver.findElement(By.cssSelector(".crisis-banner")).getText()).contains("Mode crise actif depuis")
                .contains("publications suspendues");
        accessible("crisis-02-active-banner");

        open("/");
        assertThat(driver.findElement(By.cssSelector(".crisis-banner")).getText()).contains("Mode crise actif");
        screenshot("crisis-03-dashboard-banner");

        open("/publier/crise/alertes?modele=inondation");
        accessible("crisis-04-alert-form");

        open("/publier/sources-vers-brouillons");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sources vers brouillons");
        accessible("crisis-05-feed-rules");

        open("/publier/crise");
        WebElement end = driver.findElement(By.cssSelector("form[action$='/publier/crise/fin'] button"));
        navigate(() -> {
            end.click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        });
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/publier/crise/sortie");
        assertThat(driver.findElements(By.cssSelector(".crisis-banner"))).isEmpty();
        accessible("crisis-06-exit");
    }

    private void accessible(String name) {
        List<String> blocking = HeadlessChromium.blockingViolations(driver, name);
        screenshot(name);
        assertThat(driver.getPageSource()).doesNotContain("??");
        assertThat(blocking).as(name).isEmpty();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void navigate(Runnable action) {
        WebElement previous = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> {
            try {
                previous.isEnabled();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(driver, name);
    }
}

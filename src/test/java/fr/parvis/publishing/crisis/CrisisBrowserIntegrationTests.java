package fr.parvis.publishing.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Crisis mode in a real browser on the demo collectivité: start it from {@code /publier/crise}
 * (with the confirmation), the banner, the alert form, then leave it; axe-core (WCAG 2.1 A/AA,
 * serious and critical) on each page, screenshots in {@code target/screenshots/crisis-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "parvis.demo.enabled=true")
class CrisisBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

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
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String line = "[" + rule.getImpact() + "] " + rule.getId() + " " + rule.getNodes().stream()
                    .map(n -> n.getTarget() + " " + n.getHtml()).toList();
            System.out.println("[ACCESSIBILITY] " + name + ": " + line);
            if (List.of("serious", "critical").contains(rule.getImpact())) {
                blocking.add(line);
            }
        }
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
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            double height = Math.min(((Number) content.get("height")).doubleValue(), 12_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1366, "height", height,
                            "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }
}

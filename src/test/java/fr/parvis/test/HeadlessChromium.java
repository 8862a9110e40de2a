package fr.parvis.test;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium for the browser tests (never downloads anything):
 * one session per test class, full-page screenshots in {@code target/screenshots/}, and the axe-core
 * WCAG 2.1 A/AA check that blocks on serious and critical violations.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium in French at 1366×900 with a fresh profile. */
    public static HeadlessChromium start() throws IOException {
        System.setProperty("SE_MANAGER_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", Peer.chromedriverBinary());
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("parvis-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Peer.chromedriverBinary())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Peer.chromiumBinary());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=fr-FR", "--window-size=1366,900",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(service, driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * The serious and critical WCAG 2.1 A/AA violations of the current page (all are printed).
     * axe-core runs in the page itself (legacy mode: axe.run, which also checks same-origin frames)
     * rather than finishing each check in a new blank tab; the pages have no cross-origin frame.
     */
    public static List<String> blockingViolations(ChromeDriver driver, String name) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).setLegacyMode(true).analyze(driver);
        List<String> blocking = new ArrayList<>();
        if (results.isErrored()) {
            blocking.add("axe-core failed: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            String line = "[" + rule.getImpact() + "] " + rule.getId() + " " + rule.getNodes().stream()
                    .map(n -> n.getTarget() + " " + n.getHtml()).toList();
            System.out.println("[ACCESSIBILITY] " + name + ": " + line);
            if (List.of("serious", "critical").contains(rule.getImpact())) {
                blocking.add(line);
            }
        }
        return blocking;
    }

    /** A full-page screenshot (at most 12,000 px high) in {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            double width = ((Number) viewport.get("clientWidth")).doubleValue();
            double height = Math.min(((Number) content.get("height")).doubleValue(), 12_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                            "scale", 1)));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

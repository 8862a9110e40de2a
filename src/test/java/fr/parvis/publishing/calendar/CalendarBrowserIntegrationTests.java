package fr.parvis.publishing.calendar;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The month view in Chromium: axe-core (WCAG 2.1 A/AA, serious and critical fail), no console
 * error (CSP), a drag and drop handled by calendar.js, the keyboard "Déplacer" form, and
 * screenshots in {@code target/screenshots/calendrier-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@IntegrationTest
class CalendarBrowserIntegrationTests {

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
    CalendarManagement calendar;

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
    void theMonthViewIsAccessibleAndPostsMoveByDragAndDropAndByKeyboard() throws IOException {
        Team team = fixtures.team();
        LocalDate today = calendar.today();
        LocalDate monday = today.plusDays(7).with(java.time.DayOfWeek.MONDAY);
        PostView moved = draft(team, "Collecte des encombrants lundi matin", monday, LocalTime.of(9, 30));
        draft(team, "Conseil municipal : ordre du jour publié", monday.plusDays(1), LocalTime.of(18, 0));
        PostView keyboard = draft(team, "Fête de quartier samedi", monday.plusDays(2), LocalTime.of(11, 15));
        PostView submitted = draft(team, "Travaux rue de la République", monday.plusDays(2), LocalTime.of(8, 0));
        tenants.as(team.manager(), () -> publishing.submit(submitted.id(), Set.of()));

        driver.get(url("/connexion"));
        driver.findElement(By.id("email")).sendKeys(team.manager().email());
        driver.findElement(By.id("password")).sendKeys(TestTenants.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/connexion"));

        driver.get(url("/publier/calendrier?date=" + monday));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Calendrier éditorial");
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .setLegacyMode(true).analyze(driver);
        List<String> blocking = results.getViolations().stream()
                .filter(r -> List.of("serious", "critical").contains(r.getImpact()))
                .map(r -> r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream().map(n -> n.getTarget().toString())
                        .toList())
                .toList();
        results.getViolations().forEach(r -> System.out.println("[ACCESSIBILITY] " + r.getImpact() + " " + r.getId()));
        screenshot("calendrier-mois-desktop");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        screenshot("calendrier-mois-mobile");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertThat(blocking).isEmpty();
        assertThat(overflow).isLessThanOrEqualTo(0L);

        // Drag and drop (HTML5 events, as the browser sends them) onto Thursday: same time of day.
        LocalDate thursday = monday.plusDays(3);
        js("""
                const card = document.getElementById(arguments[0]);
                const cell = document.querySelector('td[data-date="' + arguments[1] + '"]');
                const data = new DataTransfer();
                card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                cell.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                cell.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                """, "post-" + moved.id(), thursday.toString());
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("cal-live")).getText().isBlank());
        assertThat(driver.findElement(By.id("cal-live")).getText()).contains("a été déplacée");
        assertThat(tenants.as(team.manager(), () -> publishing.get(moved.id())).scheduledAt())
                .isEqualTo(ZonedDateTime.of(thursday, LocalTime.of(9, 30), CalendarManagement.ZONE).toInstant());
        WebElement card = driver.findElement(By.id("post-" + moved.id()));
        assertThat(js("return arguments[0].closest('td').getAttribute('data-date');", card)).isEqualTo(thursday.toString());
        assertThat(card.getAttribute("class")).doesNotContain("cal-dragging");
        screenshot("calendrier-mois-glisser");

        // Keyboard: open "Déplacer", type a day and a time, submit.
        WebElement keyboardCard = driver.findElement(By.id("post-" + keyboard.id()));
        keyboardCard.findElement(By.tagName("summary")).click();
        WebElement date = keyboardCard.findElement(By.cssSelector("input[type=date]"));
        js("arguments[0].value = arguments[1];", date, monday.plusDays(4).toString());
        WebElement time = keyboardCard.findElement(By.cssSelector("input[type=time]"));
        js("arguments[0].value = '16:45';", time);
        screenshot("calendrier-mois-deplacer");
        keyboardCard.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".alert-success"))
                .isEmpty());
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("a été déplacée");
        assertThat(tenants.as(team.manager(), () -> publishing.get(keyboard.id())).scheduledAt())
                .isEqualTo(ZonedDateTime.of(monday.plusDays(4), LocalTime.of(16, 45), CalendarManagement.ZONE)
                        .toInstant());

        driver.get(url("/publier/calendrier?vue=semaine&date=" + monday));
        screenshot("calendrier-semaine-desktop");
        driver.get(url("/publier/calendrier?vue=liste&date=" + monday));
        screenshot("calendrier-liste-desktop");
        // A file with errors: the report page (line, column, French message), accessible.
        Path broken = Files.createTempFile("calendrier-", ".csv");
        Files.writeString(broken, "date;heure;comptes;titre;message\n2027-13-01;10:00;SANDBOX:@inconnu;;Bonjour\n"
                + "2027-06-01;25:00;;=SOMME(1);\n");
        driver.get(url("/publier/calendrier"));
        driver.findElement(By.id("import-file")).sendKeys(broken.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#import-file ~ button, form[enctype] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getTitle().startsWith("Import CSV"));
        Files.delete(broken);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Compte inconnu", "Heure", "formule");
        Results report = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .setLegacyMode(true).analyze(driver);
        screenshot("calendrier-import-erreurs");
        assertThat(report.getViolations().stream().filter(r -> List.of("serious", "critical").contains(r.getImpact()))
                .map(r -> r.getId()).toList()).isEmpty();

        List<String> console = driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                .filter(m -> !(m.contains("/publier/calendrier/import") && m.contains("400"))) // the report page
                .toList();
        assertThat(console).isEmpty();
    }

    private PostView draft(Team team, String body, LocalDate day, LocalTime time) {
        return tenants.as(team.manager(), () -> publishing.create(post(body,
                ZonedDateTime.of(day, time, CalendarManagement.ZONE).toInstant(), team.sandbox())));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}

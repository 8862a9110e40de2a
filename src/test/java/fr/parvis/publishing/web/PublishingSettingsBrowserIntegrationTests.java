package fr.parvis.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingSettingsManagement;
import fr.parvis.publishing.mail.domain.OutgoingMail;
import fr.parvis.publishing.mail.domain.OutgoingMails;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publishing settings page in a real browser: the names watched during the reserve (saved from
 * the text area) and the list of e-mails given up, sent again with its button; axe-core (WCAG 2.1
 * A/AA) and a screenshot in {@code target/screenshots/publishing-settings-*.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@IntegrationTest
class PublishingSettingsBrowserIntegrationTests {

    static HeadlessChromium chromium;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingSettingsManagement settings;

    @Autowired
    OutgoingMails mails;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

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
    void anAdministratorEditsTheWatchedNamesAndSendsAFailedEmailAgain() {
        Team team = fixtures.team();
        tenants.as(team.admin(), () -> settings.changeReserveNames(List.of("Jeanne Martin")));
        OutgoingMail failed = tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).execute(s -> {
            OutgoingMail mail = new OutgoingMail(null, team.elu().email(), "[Parvis] Publication à valider : <Fête>",
                    "Texte", "<p>Texte</p>", clock.instant());
            mail.claim("test", clock.instant());
            mail.attemptFailed("MailSendException: Connection refused", null);
            return mails.save(mail);
        }));

        open("/connexion");
        driver.findElement(By.id("email")).sendKeys(team.admin().email());
        driver.findElement(By.id("password")).sendKeys(team.admin().password());
        navigate(() -> driver.findElement(By.cssSelector("form button[type=submit]")).click());

        open("/parametres/publication");
        assertThat(driver.findElement(By.id("reserveNames")).getAttribute("value")).isEqualTo("Jeanne Martin");
        WebElement table = driver.findElement(By.cssSelector("#mails-caption")).findElement(By.xpath(".."));
        assertThat(table.getText()).contains(team.elu().email(), "[Parvis] Publication à valider : <Fête>",
                "Connection refused");
        accessible("publishing-settings-01-failed-mail");

        WebElement names = driver.findElement(By.id("reserveNames"));
        names.clear();
        names.sendKeys("Jeanne Martin\n@jeanne-martin-2027\n\nParti de l’Avenir");
        navigate(() -> driver.findElement(By.cssSelector("form[action$='/parametres/publication/reserve'] button"))
                .click());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Noms surveillés enregistrés.");
        assertThat(tenants.as(team.admin(), () -> settings.reserveNames()))
                .containsExactly("Jeanne Martin", "@jeanne-martin-2027", "Parti de l’Avenir");

        navigate(() -> driver.findElement(By.cssSelector("form[action$='/relancer'] button")).click());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Le courriel a été relancé.",
                "Aucun courriel en échec.");
        OutgoingMail.Status status = tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager)
                .execute(s -> mails.findById(failed.id()).orElseThrow().status()));
        assertThat(status).isEqualTo(OutgoingMail.Status.PENDING);
        accessible("publishing-settings-02-retried");
    }

    private void accessible(String name) {
        List<String> blocking = HeadlessChromium.blockingViolations(driver, name);
        HeadlessChromium.screenshot(driver, name);
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
}

package fr.parvis.publishing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.domain.CircuitSettings;
import fr.parvis.publishing.domain.CircuitSettingsRecords;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mails of the approval circuit, received by a real SMTP server (GreenMail): the approvers
 * of a submitted post, the author of a post sent back; nothing when the collectivité turned them
 * off. One Spring context for all of them and the retry tests (the SMTP settings of
 * {@link SmtpIntegrationTest} make it differ from the others).
 */
@IntegrationTest
class PublishingMailIntegrationTests extends SmtpIntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    CircuitSettingsRecords settings;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MutableClock clock;

    @Value("${parvis.base-url}")
    String baseUrl;

    @Test
    void theApproversOfASubmittedPostReceiveOneEmailWithItsLabelAndLink() throws Exception {
        Team team = fixtures.team();
        PostView post = tenants.as(team.manager(), () -> publishing.create(new PostCommand("Fête <des> voisins & co",
                "Rendez-vous vendredi dans votre quartier.", null, null, false, clock.instant().plus(Duration.ofDays(2)),
                List.of(new PostCommand.VariantCommand(team.sandbox(), null, null, List.of())))));
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));

        List<MimeMessage> toElu = awaitMessages(team.elu(), 1);
        assertThat(toElu).hasSize(1);
        MimeMessage message = toElu.get(0);
        assertThat(message.getSubject()).isEqualTo("[Parvis] Publication à valider\u00a0: Fête <des> voisins & co");
        assertThat(message.getFrom()[0].toString()).contains("parvis@ville.example");
        Map<String, String> parts = parts(message);
        String link = baseUrl + "/publier/publications/" + post.id();
        assertThat(parts.get("text/plain")).contains("Fête <des> voisins & co", link, "niveau 1");
        assertThat(parts.get("text/html")).contains("Fête &lt;des&gt; voisins &amp; co", "href=\"" + link + "\"")
                .doesNotContain("<des>");
        // every approver of level 1 (administrator, director, élu), never the author
        assertThat(awaitMessages(team.director(), 1)).hasSize(1);
        assertThat(awaitMessages(team.admin(), 1)).hasSize(1);
        Thread.sleep(300);
        assertThat(messagesTo(team.manager())).isEmpty();
        assertThat(messagesTo(team.elu())).hasSize(1);
    }

    @Test
    void theAuthorHearsOfARequestForChanges() throws Exception {
        Team team = fixtures.team();
        PostView post = tenants.as(team.manager(), () -> publishing.create(PublishingFixtures.post(
                "Collecte de sang samedi à la salle des fêtes.", null, team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        tenants.as(team.elu(), () -> publishing.requestChanges(post.id(), "Précisez les horaires <svp>."));

        List<MimeMessage> toAuthor = awaitMessages(team.manager(), 1);
        assertThat(toAuthor).hasSize(1);
        assertThat(toAuthor.get(0).getSubject()).startsWith("[Parvis] Modifications demandées")
                .contains("Collecte de sang");
        Map<String, String> parts = parts(toAuthor.get(0));
        assertThat(parts.get("text/plain")).contains("Précisez les horaires <svp>.",
                baseUrl + "/publier/publications/" + post.id());
        assertThat(parts.get("text/html")).contains("Précisez les horaires &lt;svp&gt;.");
    }

    @Test
    void nothingIsSentWhenTheCollectiviteTurnedEmailsOff() throws Exception {
        Team quiet = fixtures.team();
        tenants.as(quiet.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            CircuitSettings defaults = CircuitSettings.defaults();
            settings.save(new CircuitSettings(1, defaults.level1Roles(), defaults.level2Roles(), false));
        }));
        PostView silent = tenants.as(quiet.manager(), () -> publishing.create(PublishingFixtures.post(
                "Travaux rue des Lilas la semaine prochaine.", null, quiet.sandbox())));
        tenants.as(quiet.manager(), () -> publishing.submit(silent.id(), Set.of()));

        // a collectivité that kept them, submitting afterwards: once its e-mail is there, the first one would be too
        Team loud = fixtures.team();
        PostView heard = tenants.as(loud.manager(), () -> publishing.create(PublishingFixtures.post(
                "Travaux rue des Roses la semaine prochaine.", null, loud.sandbox())));
        tenants.as(loud.manager(), () -> publishing.submit(heard.id(), Set.of()));
        assertThat(awaitMessages(loud.elu(), 1)).hasSize(1);
        Thread.sleep(500);
        assertThat(messagesTo(quiet.elu())).isEmpty();
        assertThat(messagesTo(quiet.director())).isEmpty();
        assertThat(messagesTo(quiet.admin())).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static List<MimeMessage> awaitMessages(Agent to, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MimeMessage> found = messagesTo(to);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = messagesTo(to);
        }
        return found;
    }

    private static List<MimeMessage> messagesTo(Agent agent) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> a.toString().equalsIgnoreCase(agent.email()))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The text parts of a message by type (text/plain, text/html), decoded. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> parts = new TreeMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.putAll(parts(multipart.getBodyPart(i)));
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", (String) part.getContent());
        }
        return parts;
    }
}

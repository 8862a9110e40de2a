package fr.parvis.publishing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.mail.domain.OutgoingMail;
import fr.parvis.publishing.mail.domain.OutgoingMails;
import org.springframework.security.access.AccessDeniedException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox: e-mails that the SMTP server could not take are tried again by the retry
 * task with backoff, delivered once when the server is back, and given up after the last attempt
 * (shown to the administrators). The SMTP server (GreenMail) is started and stopped on one port;
 * the recurring task runs only when a test calls it (interval of one hour).
 */
@IntegrationTest
class MailRetryIntegrationTests extends SmtpIntegrationTest {

    static GreenMail smtp;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MailJobs jobs;

    @Autowired
    MailQueue queue;

    @Autowired
    OutgoingMails mails;

    @Autowired
    MailRetryProperties properties;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MutableClock clock;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        clock.reset();
    }

    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Test
    void anEmailNotSentWhileTheServerIsDownIsDeliveredOnceWhenItIsBack() throws Exception {
        Team team = fixtures.team();
        submit(team, "Vide-grenier dimanche sur la place du marché.");
        OutgoingMail toElu = await(team, m -> m.recipient().equalsIgnoreCase(team.elu().email())
                && m.status() == OutgoingMail.Status.PENDING && m.attempts() == 1);
        assertThat(toElu.lastError()).isNotBlank();
        assertThat(toElu.nextAttemptAt()).isAfter(clock.instant().plus(Duration.ofSeconds(50)));

        startSmtp();
        // not due yet: nothing is sent before the first delay
        jobs.retryDue();
        assertThat(messagesTo(team.elu())).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        jobs.retryDue();
        assertThat(messagesTo(team.elu())).hasSize(1);
        OutgoingMail sent = reload(team, toElu);
        assertThat(sent.status()).isEqualTo(OutgoingMail.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isNotNull();

        // later runs, and a second node running the same attempt, send nothing more
        clock.advance(Duration.ofHours(1));
        jobs.retryDue();
        assertThat(tenants.as(team.admin(), () -> queue.attempt(toElu.id()))).isEqualTo(MailQueue.Attempt.NOT_DUE);
        assertThat(messagesTo(team.elu())).hasSize(1);
        assertThat(tenants.as(team.admin(), () -> queue.failed())).isEmpty();
    }

    @Test
    void anEmailThatCannotBeSentIsGivenUpAfterTheLastAttemptAndShownToAdministrators() throws Exception {
        Team team = fixtures.team();
        PostView post = submit(team, "Conseil municipal jeudi à 19 h, salle du conseil.");
        OutgoingMail mail = await(team, m -> m.recipient().equalsIgnoreCase(team.elu().email()) && m.attempts() == 1);
        assertThat(properties.maxAttempts()).isEqualTo(6);
        List<Duration> delays = properties.retryDelays();
        assertThat(delays).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(12));
        for (int i = 0; i < delays.size(); i++) {
            // just before the delay: not attempted
            clock.advance(delays.get(i).minusSeconds(10));
            jobs.retryDue();
            assertThat(reload(team, mail).attempts()).isEqualTo(i + 1);
            clock.advance(Duration.ofSeconds(15));
            jobs.retryDue();
            OutgoingMail after = reload(team, mail);
            assertThat(after.attempts()).isEqualTo(i + 2);
            assertThat(after.status()).isEqualTo(i + 2 < properties.maxAttempts() ? OutgoingMail.Status.PENDING
                    : OutgoingMail.Status.FAILED);
        }
        OutgoingMail failed = reload(team, mail);
        assertThat(failed.status()).isEqualTo(OutgoingMail.Status.FAILED);
        assertThat(failed.nextAttemptAt()).isNull();
        clock.advance(Duration.ofDays(2));
        jobs.retryDue();
        assertThat(reload(team, mail).attempts()).isEqualTo(6);

        List<MailQueue.FailedMailView> shown = tenants.as(team.admin(), () -> queue.failed());
        assertThat(shown).extracting(MailQueue.FailedMailView::recipient).contains(team.elu().email());
        assertThat(shown).filteredOn(v -> v.id().equals(mail.id())).singleElement()
                .satisfies(v -> {
                    assertThat(v.postId()).isEqualTo(post.id());
                    assertThat(v.attempts()).isEqualTo(6);
                    assertThat(v.lastError()).isNotBlank();
                });
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> queue.failed()))
                .isInstanceOf(AccessDeniedException.class);
        Team other = fixtures.team();
        assertThat(tenants.as(other.admin(), () -> queue.failed())).isEmpty();

        // the administrator starts the attempts again once the server is back
        startSmtp();
        tenants.as(team.admin(), () -> queue.retry(mail.id()));
        assertThat(messagesTo(team.elu())).hasSize(1);
        assertThat(reload(team, mail).status()).isEqualTo(OutgoingMail.Status.SENT);
    }

    @Test
    void twoNodesAttemptingTheSameEmailAtOnceSendItOnce() throws Exception {
        Team team = fixtures.team();
        startSmtp();
        OutgoingMail pending = tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).execute(
                status -> mails.save(new OutgoingMail(null, team.director().email(), "[Parvis] Essai", "Texte",
                        "<p>Texte</p>", clock.instant()))));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<MailQueue.Attempt>> attempts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                attempts.add(nodes.submit(() -> {
                    start.await();
                    return tenants.as(team.admin(), () -> queue.attempt(pending.id()));
                }));
            }
            start.countDown();
            List<MailQueue.Attempt> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<MailQueue.Attempt> attempt : attempts) {
                outcomes.add(attempt.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder(MailQueue.Attempt.SENT, MailQueue.Attempt.NOT_DUE);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(messagesTo(team.director())).hasSize(1);
        assertThat(reload(team, pending).attempts()).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private PostView submit(Team team, String body) {
        PostView post = tenants.as(team.manager(), () -> publishing.create(PublishingFixtures.post(body, null,
                team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        return post;
    }

    private OutgoingMail reload(Team team, OutgoingMail mail) {
        return tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                mails.findById(mail.id()).orElseThrow()));
    }

    private OutgoingMail await(Team team, Predicate<OutgoingMail> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<OutgoingMail> found = tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager)
                    .execute(status -> mails.findAll().stream().filter(condition).toList()));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such e-mail in the outbox");
    }

    private static List<MimeMessage> messagesTo(Agent agent) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        if (smtp == null) {
            return found;
        }
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> a.toString().equalsIgnoreCase(agent.email()))) {
                found.add(message);
            }
        }
        return found;
    }
}

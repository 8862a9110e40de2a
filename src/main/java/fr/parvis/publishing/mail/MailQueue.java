package fr.parvis.publishing.mail;

import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.jobs.NodeHeartbeat;
import fr.parvis.publishing.mail.domain.OutgoingMail;
import fr.parvis.publishing.mail.domain.OutgoingMails;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable e-mail outbox of the current collectivité: every e-mail is written (one row per
 * recipient) before any attempt, then sent by the node that claims it with the row locked, so two
 * nodes never send it both. A failed attempt is tried again after each of
 * {@code parvis.mail.retry-delays}; after the last one the e-mail is marked failed and listed for
 * the administrators, who may start the attempts again.
 */
@Component
public class MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

    /** How many failed e-mails the settings page lists. */
    static final int FAILED_SHOWN = 50;

    /** What an attempt did. */
    public enum Attempt {
        SENT, RETRY_LATER, FAILED, NOT_DUE
    }

    private final OutgoingMails mails;
    private final MailOutbox outbox;
    private final MailRetryProperties properties;
    private final NodeHeartbeat node;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    MailQueue(OutgoingMails mails, MailOutbox outbox, MailRetryProperties properties, NodeHeartbeat node,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.mails = mails;
        this.outbox = outbox;
        this.properties = properties;
        this.node = node;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Whether an SMTP server is configured (without one nothing is written nor sent). */
    public boolean enabled() {
        return outbox.enabled();
    }

    /** Writes the letters in the current collectivité's outbox, in one transaction; returns their ids. */
    List<UUID> enqueue(UUID postId, List<MailComposer.Letter> letters) {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            List<UUID> ids = new ArrayList<>();
            for (MailComposer.Letter letter : letters) {
                ids.add(mails.save(new OutgoingMail(postId, letter.to(), Texts.abbreviate(letter.subject(), 500),
                        letter.text(), letter.html(), now)).id());
            }
            return ids;
        });
    }

    /**
     * One attempt of an e-mail of the current collectivité, outside any transaction: claim (row
     * locked; a second node finds it taken), SMTP call without a transaction, then the outcome.
     * Without an SMTP server nothing is attempted (the e-mail waits).
     */
    public Attempt attempt(UUID mailId) {
        if (!outbox.enabled()) {
            return Attempt.NOT_DUE;
        }
        Instant now = clock.instant();
        OutgoingMail claimed = transaction.execute(status -> {
            OutgoingMail mail = mails.lock(mailId).orElse(null);
            if (mail == null || !mail.due(now)) {
                return null;
            }
            mail.claim(node.name(), now);
            return mails.saveAndFlush(mail);
        });
        if (claimed == null) {
            return Attempt.NOT_DUE;
        }
        String error = null;
        try {
            outbox.send(claimed.recipient(), claimed.subject(), claimed.textBody(), claimed.htmlBody());
        } catch (RuntimeException e) {
            error = Texts.abbreviate(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()), 500);
        }
        String failure = error;
        return transaction.execute(status -> {
            OutgoingMail mail = mails.lock(mailId).orElseThrow();
            Instant at = clock.instant();
            if (failure == null) {
                mail.sent(at);
                return Attempt.SENT;
            }
            int attempts = mail.attempts();
            Instant next = attempts < properties.maxAttempts() ? at.plus(properties.retryDelays().get(attempts - 1))
                    : null;
            mail.attemptFailed(failure, next);
            if (next == null) {
                log.warn("E-mail {} to {} given up after {} attempts: {}", mailId, MailOutbox.mask(mail.recipient()),
                        attempts, failure);
                return Attempt.FAILED;
            }
            log.info("E-mail {} to {} not sent (attempt {} of {}), next at {}: {}", mailId,
                    MailOutbox.mask(mail.recipient()), attempts, properties.maxAttempts(), next, failure);
            return Attempt.RETRY_LATER;
        });
    }

    /** Gives back the claims of nodes that did not record an outcome within {@code parvis.mail.stale-claim}. */
    int releaseStale(List<UUID> ids) {
        Instant now = clock.instant();
        Integer released = transaction.execute(status -> {
            int count = 0;
            for (UUID id : ids) {
                OutgoingMail mail = mails.lock(id).orElse(null);
                if (mail != null && mail.status() == OutgoingMail.Status.SENDING
                        && mail.claimedAt().isBefore(now.minus(properties.staleClaim()))) {
                    mail.released(now);
                    count++;
                }
            }
            return count;
        });
        return released == null ? 0 : released;
    }

    /** The e-mails of the collectivité that were given up, newest first. Requires the publishing settings. */
    public List<FailedMailView> failed() {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        return transaction.execute(status -> mails.findByStatusOrderByUpdatedAtDesc(OutgoingMail.Status.FAILED,
                PageRequest.of(0, FAILED_SHOWN)).stream().map(MailQueue::view).toList());
    }

    /** Starts the attempts of a failed e-mail again (audited). Requires the publishing settings. */
    public FailedMailView retry(UUID mailId) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        FailedMailView view = transaction.execute(status -> {
            OutgoingMail mail = mails.lock(mailId).filter(m -> m.status() == OutgoingMail.Status.FAILED)
                    .orElseThrow(() -> new NotFoundException("publishing.mail.notFound"));
            mail.retry(clock.instant());
            audit.record(new AuditRecord("publishing.mail.retried", "mail", mail.id().toString(),
                    Texts.abbreviate(mail.subject(), 200), AuditDetails.of("recipient", mail.recipient())));
            return view(mail);
        });
        attempt(mailId);
        return view;
    }

    /** How long before the next attempt after {@code attempts} failures (for the documentation and tests). */
    Duration delayAfter(int attempts) {
        return properties.retryDelays().get(attempts - 1);
    }

    private static FailedMailView view(OutgoingMail mail) {
        return new FailedMailView(mail.id(), mail.postId(), mail.recipient(), mail.subject(), mail.attempts(),
                mail.updatedAt(), mail.lastError());
    }

    /** An e-mail given up, as the administrators see it. */
    public record FailedMailView(UUID id, UUID postId, String recipient, String subject, int attempts,
            Instant lastAttemptAt, String lastError) {
    }
}

package fr.parvis.publishing.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.publishing.mail.domain.OutgoingMail;
import fr.parvis.publishing.mail.domain.OutgoingMails;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recurring task {@code publishing-mail-retry} (db-scheduler: one node per run, every
 * {@code parvis.mail.retry-interval}): finds, across collectivités, the e-mails due for a new
 * attempt and the claims left by a node that went away, then attempts each inside its
 * collectivité ({@link MailQueue#attempt}, whose claim makes a second node harmless). Sent e-mails
 * older than {@code parvis.mail.keep-sent} are purged.
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Finds, across collectivités, the e-mails due for a new attempt")
public class MailJobs {

    private static final Logger log = LoggerFactory.getLogger(MailJobs.class);

    /** E-mails handled per run at most (the next run takes the rest). */
    static final int BATCH = 200;

    private final OutgoingMails mails;
    private final MailQueue queue;
    private final MailRetryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    MailJobs(OutgoingMails mails, MailQueue queue, MailRetryProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.mails = mails;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Bean
    RecurringTask<Void> publishingMailRetryTask() {
        return Tasks.recurring("publishing-mail-retry", FixedDelay.of(properties.retryInterval()))
                .execute((instance, context) -> retryDue());
    }

    /** What one run did. */
    public record Run(int sent, int retryLater, int failed, int released, int purged) {
    }

    /** One run (also called by tests that move the application clock). */
    public Run retryDue() {
        Instant now = clock.instant();
        Map<UUID, CollectiviteId> stale = find(() -> mails.findByStatusAndClaimedAtBefore(OutgoingMail.Status.SENDING,
                now.minus(properties.staleClaim()), PageRequest.of(0, BATCH)));
        Map<CollectiviteId, List<UUID>> staleByTenant = new LinkedHashMap<>();
        stale.forEach((id, c) -> staleByTenant.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
        int released = 0;
        for (Map.Entry<CollectiviteId, List<UUID>> entry : staleByTenant.entrySet()) {
            released += SystemActor.actFor(entry.getKey(), "e-mail claim release",
                    () -> queue.releaseStale(entry.getValue()));
        }
        Map<UUID, CollectiviteId> due = find(() -> mails.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
                OutgoingMail.Status.PENDING, clock.instant(), PageRequest.of(0, BATCH)));
        int sent = 0;
        int later = 0;
        int failed = 0;
        for (Map.Entry<UUID, CollectiviteId> entry : due.entrySet()) {
            MailQueue.Attempt attempt;
            try {
                attempt = SystemActor.actFor(entry.getValue(), "e-mail retry", () -> queue.attempt(entry.getKey()));
            } catch (RuntimeException e) {
                log.warn("E-mail {} could not be attempted: {}", entry.getKey(), e.toString());
                continue;
            }
            switch (attempt) {
                case SENT -> sent++;
                case RETRY_LATER -> later++;
                case FAILED -> failed++;
                default -> {
                }
            }
        }
        Integer purged = SystemActor.actAsRoot("sent e-mails purge", () -> transaction.execute(status ->
                mails.deleteSentBefore(now.minus(properties.keepSent()))));
        Run run = new Run(sent, later, failed, released, purged == null ? 0 : purged);
        if (sent + later + failed + released > 0) {
            log.info("E-mail retry: {} sent, {} to try again, {} given up, {} claims released", sent, later, failed,
                    released);
        }
        return run;
    }

    private Map<UUID, CollectiviteId> find(java.util.function.Supplier<List<OutgoingMail>> query) {
        return SystemActor.actAsRoot("e-mail retry lookup", () -> transaction.execute(status -> {
            Map<UUID, CollectiviteId> found = new LinkedHashMap<>();
            query.get().forEach(m -> found.put(m.id(), m.collectiviteId()));
            return found;
        }));
    }
}

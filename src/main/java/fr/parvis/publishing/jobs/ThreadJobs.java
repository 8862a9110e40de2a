package fr.parvis.publishing.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.ThreadParts;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The recurring task {@code publishing-threads} (db-scheduler, once per cluster, every
 * {@code parvis.publishing.dispatch-interval}): continues the threads of published posts that wait —
 * parts never sent (the node died between two parts, the post was found by read-back), parts
 * claimed by a node that is gone, parts whose outcome is unknown (read back).
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Finds, across collectivités, the threads whose parts wait")
public class ThreadJobs {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(ThreadJobs.class);

    private final ThreadParts parts;
    private final ThreadPublisher threads;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PublishingProperties properties;

    ThreadJobs(ThreadParts parts, ThreadPublisher threads, Clock clock, PlatformTransactionManager transactionManager,
            PublishingProperties properties) {
        this.parts = parts;
        this.threads = threads;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Bean
    RecurringTask<Void> publishingThreadsTask() {
        return Tasks.recurring("publishing-threads", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> resume());
    }

    /** One round (also called by tests that move the application clock): how many threads were continued. */
    public int resume() {
        Instant now = clock.instant();
        Map<UUID, CollectiviteId> waiting = SystemActor.actAsRoot("thread resume", () -> transaction.execute(status -> {
            Map<UUID, CollectiviteId> found = new LinkedHashMap<>();
            parts.waiting(VariantState.PUBLISHED, ThreadPartState.PENDING, now.minus(properties.staleClaim()),
                    ThreadPartState.SENDING, now.minus(properties.staleClaim()), ThreadPartState.OUTCOME_UNKNOWN,
                    now.minus(ThreadPublisher.READ_BACK_AFTER), PageRequest.of(0, BATCH))
                    .forEach(p -> found.putIfAbsent(p.variantId(), p.collectiviteId()));
            return found;
        }));
        int continued = 0;
        for (Map.Entry<UUID, CollectiviteId> entry : waiting.entrySet()) {
            try {
                ThreadPublisher.Progress progress = SystemActor.actFor(entry.getValue(), "thread resume",
                        () -> threads.resume(entry.getKey()));
                continued += progress == ThreadPublisher.Progress.DONE ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Thread of variant {} not continued: {}", entry.getKey(), e.toString());
            }
        }
        if (continued > 0) {
            log.info("Publishing threads: {} continued to their end", continued);
        }
        return continued;
    }
}

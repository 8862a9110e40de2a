package fr.parvis.publishing.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publishing tasks (db-scheduler, once per cluster):
 * <ul>
 *   <li>{@code publishing-publish}: one execution per (variant, time), enqueued by earlier versions
 *       with the schedule (the {@link PublicationPump} publishes now); kept for the executions left
 *       in the database, {@link Publisher}'s claim makes a second run harmless;</li>
 *   <li>{@code publishing-native-schedule}: hands a variant to the network's scheduler;</li>
 *   <li>{@code publishing-dispatch} (every 10 s): publishes what the pumps missed (everything due
 *       when no pump runs), reads back stale claims and unknown outcomes, expires approvals not
 *       given in time.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Finds, across collectivités, the publications that are due, stale or unknown")
public class PublishingJobs {

    /** Unknown outcomes are read back at most this often. */
    static final Duration READ_BACK_EVERY = Duration.ofSeconds(30);

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(PublishingJobs.class);

    private final Variants variants;
    private final Posts posts;
    private final Publisher publisher;
    private final PublishingManagement management;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PublishingProperties properties;
    private final PublicationPump pump;

    PublishingJobs(Variants variants, Posts posts, Publisher publisher, PublishingManagement management, Clock clock,
            PlatformTransactionManager transactionManager, PublishingProperties properties, PublicationPump pump) {
        this.properties = properties;
        this.pump = pump;
        this.variants = variants;
        this.posts = posts;
        this.publisher = publisher;
        this.management = management;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Bean
    OneTimeTask<Void> publishingPublishTask() {
        return Tasks.oneTime(PublicationScheduler.PUBLISH).execute((instance, context) -> {
            UUID variant = UUID.fromString(instance.getId().substring(0, 36));
            publish(variant);
        });
    }

    @Bean
    OneTimeTask<Void> publishingNativeScheduleTask() {
        return Tasks.oneTime(PublicationScheduler.NATIVE).execute((instance, context) -> {
            String id = instance.getId();
            UUID variant = UUID.fromString(id.substring(0, 36));
            Instant at = Instant.ofEpochMilli(Long.parseLong(id.substring(37)));
            collectiviteOf(variant).ifPresent(c -> SystemActor.actFor(c, "native schedule",
                    () -> publisher.scheduleNatively(variant, at)));
        });
    }

    @Bean
    RecurringTask<Void> publishingDispatchTask() {
        return Tasks.recurring("publishing-dispatch", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> dispatch(properties.pump().enabled() ? properties.missed() : Duration.ZERO));
    }

    /** Runs one variant inside its collectivité. */
    public Publisher.Outcome publish(UUID variantId) {
        return collectiviteOf(variantId)
                .map(c -> SystemActor.actFor(c, "publication", () -> publisher.run(variantId)))
                .orElse(Publisher.Outcome.NOTHING_TO_DO);
    }

    /** What the dispatcher did in one round. */
    public record Dispatch(int published, int readBack, int expired) {
    }

    /**
     * One round of the dispatcher as tests run it after moving the application clock: everything
     * due now, then stale claims, unknown outcomes, due native schedules, expired approvals. Waits
     * first for what this node's pump holds.
     */
    public Dispatch dispatch() {
        pump.awaitIdle(Duration.ofSeconds(30));
        return dispatch(Duration.ZERO);
    }

    /**
     * One round of the dispatcher: the publications due for longer than {@code late} (all of them
     * when the pump does not run, the missed ones when it does), stale claims, unknown outcomes,
     * due native schedules, expired approvals.
     */
    Dispatch dispatch(Duration late) {
        Instant now = clock.instant();
        int published = pump.drain(late.isZero() ? now.plusMillis(500) : now.minus(late), BATCH);
        List<Due> doubtful = SystemActor.actAsRoot("publishing read-back", () -> transaction.execute(status -> {
            List<Due> due = new ArrayList<>();
            variants.findByStateAndClaimedAtBefore(VariantState.PUBLISHING, now.minus(publisher.staleClaim()),
                    PageRequest.of(0, BATCH)).forEach(v -> due.add(Due.of(v)));
            variants.findByStateAndResolvedByIsNullAndUpdatedAtBefore(VariantState.OUTCOME_UNKNOWN,
                    now.minus(READ_BACK_EVERY), PageRequest.of(0, BATCH)).forEach(v -> due.add(Due.of(v)));
            variants.findByStateAndDueAtBeforeOrderByDueAtAsc(VariantState.NATIVE_SCHEDULED, now,
                    PageRequest.of(0, BATCH)).forEach(v -> due.add(Due.of(v)));
            return due;
        }));
        Set<CollectiviteId> expiring = SystemActor.actAsRoot("approval expiry", () -> transaction.execute(status -> {
            Set<CollectiviteId> found = new LinkedHashSet<>();
            posts.findByStatusAndScheduledAtBefore(PostStatus.SUBMITTED, now).forEach(p -> found.add(p.collectiviteId()));
            return found;
        }));
        int readBack = 0;
        for (Due due : doubtful) {
            readBack += runQuietly(due, true) == Publisher.Outcome.PUBLISHED ? 1 : 0;
        }
        int expired = 0;
        for (CollectiviteId collectivite : expiring) {
            expired += SystemActor.actFor(collectivite, "approval expiry", management::expireOverdueApprovals);
        }
        if (published + readBack + expired > 0) {
            log.info("Publishing dispatch: {} overdue published, {} settled by read-back, {} approvals expired",
                    published, readBack, expired);
        }
        return new Dispatch(published, readBack, expired);
    }

    private Publisher.Outcome runQuietly(Due due, boolean readBack) {
        try {
            return SystemActor.actFor(due.collectivite(), "publication", () -> readBack
                    ? (due.state() == VariantState.OUTCOME_UNKNOWN ? publisher.readBack(due.variantId())
                            : publisher.run(due.variantId()))
                    : publisher.run(due.variantId()));
        } catch (RuntimeException e) {
            log.warn("Publication of variant {} failed in the dispatcher: {}", due.variantId(), e.toString());
            return Publisher.Outcome.OUTCOME_UNKNOWN;
        }
    }

    private Optional<CollectiviteId> collectiviteOf(UUID variantId) {
        return SystemActor.actAsRoot("publication lookup", () -> transaction.execute(status ->
                variants.findById(variantId).map(Variant::collectiviteId)));
    }

    private record Due(CollectiviteId collectivite, UUID variantId, VariantState state) {

        static Due of(Variant variant) {
            return new Due(variant.collectiviteId(), variant.id(), variant.state());
        }
    }
}

package fr.parvis.publishing.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import fr.parvis.channels.ChannelPublishing;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.AccountSettings;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts variants on the schedule: a scheduled variant is {@code SCHEDULED} with its time, and the
 * {@link PublicationPump} of some node claims it a little before that time and publishes it (the
 * dispatcher takes it if it is missed). Variants of accounts set for native scheduling are also
 * handed to the network by a task, and Parvis reads them back at their time.
 */
@Component
public class PublicationScheduler {

    /**
     * Executions of this task were enqueued per variant by earlier versions; the task still runs the
     * ones left in the database, new schedules no longer create any.
     */
    static final TaskDescriptor<Void> PUBLISH = TaskDescriptor.of("publishing-publish");

    static final TaskDescriptor<Void> NATIVE = TaskDescriptor.of("publishing-native-schedule");

    private static final Logger log = LoggerFactory.getLogger(PublicationScheduler.class);

    private final Posts posts;
    private final Variants variants;
    private final AccountSettings accountSettings;
    private final ChannelPublishing channels;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PublicationScheduler(Posts posts, Variants variants, AccountSettings accountSettings, ChannelPublishing channels,
            ObjectProvider<SchedulerClient> scheduler, Clock clock, PlatformTransactionManager transactionManager) {
        this.posts = posts;
        this.variants = variants;
        this.accountSettings = accountSettings;
        this.channels = channels;
        this.scheduler = scheduler;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Schedules these variants of {@code post} at {@code at}; in the caller's transaction. */
    public void schedule(Post post, List<Variant> list, Instant at) {
        post.scheduledAt(at);
        for (Variant variant : list) {
            if (variant.state() == VariantState.PUBLISHED || variant.state() == VariantState.PUBLISHING) {
                continue;
            }
            variant.schedule(at);
            boolean nativeScheduling = accountSettings.findByAccountId(variant.accountId())
                    .map(s -> s.nativeScheduling()).orElse(false);
            if (nativeScheduling && channels.schedulesNatively(variant.accountId())) {
                var lead = channels.target(variant.accountId()).profile().minimumScheduleLead();
                if (lead != null && at.isAfter(clock.instant().plus(lead).plusSeconds(60))) {
                    SchedulerClient client = scheduler.getObject();
                    client.scheduleIfNotExists(NATIVE.instance(variant.id() + "@" + at.toEpochMilli())
                            .scheduledTo(clock.instant()));
                }
            }
        }
        refreshStatus(post);
    }

    /**
     * Cancels the native schedules of a post on the networks, before it changes; outside any
     * transaction. A network that refuses leaves the post unchanged (the caller gets the error).
     */
    public void cancelNativeSchedules(UUID postId) {
        List<Variant> natives = transaction.execute(status -> variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId)
                .stream().filter(v -> v.state() == VariantState.NATIVE_SCHEDULED && v.nativeId() != null).toList());
        for (Variant variant : natives) {
            channels.cancelNative(variant.accountId(), variant.nativeId());
            transaction.executeWithoutResult(status -> variants.findById(variant.id()).ifPresent(v -> {
                if (v.state() == VariantState.NATIVE_SCHEDULED) {
                    v.schedule(v.dueAt());
                }
            }));
            log.info("Native schedule {} of variant {} cancelled", variant.nativeId(), variant.id());
        }
    }

    /** The post's status from its variants' states (once it left the approval circuit). */
    public void refreshStatus(Post post) {
        if (post.status() == PostStatus.CANCELLED) {
            return;
        }
        List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id());
        post.status(statusOf(list, post.status()));
    }

    static PostStatus statusOf(List<Variant> list, PostStatus current) {
        List<VariantState> states = list.stream().map(Variant::state).filter(s -> s != VariantState.CANCELLED).toList();
        if (states.isEmpty()) {
            return current;
        }
        if (states.contains(VariantState.PUBLISHING)) {
            return PostStatus.PUBLISHING;
        }
        if (states.contains(VariantState.OUTCOME_UNKNOWN)) {
            return PostStatus.OUTCOME_UNKNOWN;
        }
        if (states.stream().allMatch(s -> s == VariantState.PUBLISHED)) {
            return PostStatus.PUBLISHED;
        }
        if (states.contains(VariantState.SCHEDULED) || states.contains(VariantState.NATIVE_SCHEDULED)) {
            return PostStatus.SCHEDULED;
        }
        if (states.contains(VariantState.FAILED)) {
            return PostStatus.FAILED;
        }
        if (states.stream().allMatch(s -> s == VariantState.PAUSED || s == VariantState.PUBLISHED)) {
            return PostStatus.PAUSED;
        }
        return current;
    }
}

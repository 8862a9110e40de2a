package fr.parvis.publishing.jobs;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.CheckFinding;
import fr.parvis.publishing.PostChecks;
import fr.parvis.publishing.PostPublished;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostTexts;
import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.PublicationFailed;
import fr.parvis.publishing.PublicationOutcomeUnknown;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.crisis.CrisisState;
import fr.parvis.publishing.domain.Notification;
import fr.parvis.publishing.domain.Notifications;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes one variant, exactly once, inside its collectivité:
 * <ol>
 *   <li><b>claim</b> — in one short transaction, with the post locked, a {@code SCHEDULED} variant
 *       that is due becomes {@code PUBLISHING} with this node's name and the time. Only one node
 *       can make that change; the others see it taken and do nothing.</li>
 *   <li><b>call</b> — the network call, outside any transaction, with the variant's id as
 *       idempotency key. It is never retried blindly.</li>
 *   <li><b>record</b> — the network id and address, or the failure: a refusal fails the variant, a
 *       rate limit postpones it (nothing was sent), anything else (timeout, lost answer, crash)
 *       makes it {@code OUTCOME_UNKNOWN}.</li>
 * </ol>
 * A variant found {@code PUBLISHING} long after its claim (its node died mid-call) and every
 * {@code OUTCOME_UNKNOWN} variant are <b>read back</b>: found on the network → published; the
 * network proves it absent → published again (safe); the network cannot tell → a person decides.
 */
@Component
public class Publisher {

    /** How long after its time a natively scheduled post may appear before Parvis takes over. */
    static final Duration NATIVE_GRACE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private static final String SEPARATOR = "\u001f";

    private final Posts posts;
    private final Variants variants;
    private final Notifications notifications;
    private final ChannelPublishing channels;
    private final PublicationScheduler scheduler;
    private final PostChecks checks;
    private final org.springframework.beans.factory.ObjectProvider<PublicationContent> contents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String node;
    private final Duration staleClaim;
    private final Duration maxCall;
    private final NodeHeartbeat heartbeat;
    private final ThreadPublisher threads;
    private final CrisisState crisis;

    Publisher(Posts posts, Variants variants, Notifications notifications, ChannelPublishing channels,
            PublicationScheduler scheduler, PostChecks checks,
            org.springframework.beans.factory.ObjectProvider<PublicationContent> contents, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
            PublishingProperties properties, NodeHeartbeat heartbeat, ThreadPublisher threads, CrisisState crisis) {
        this.threads = threads;
        this.crisis = crisis;
        this.staleClaim = properties.staleClaim();
        this.maxCall = properties.maxCall();
        this.heartbeat = heartbeat;
        this.posts = posts;
        this.variants = variants;
        this.notifications = notifications;
        this.channels = channels;
        this.scheduler = scheduler;
        this.checks = checks;
        this.contents = contents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.node = heartbeat.name();
    }

    /** What happened to a variant in one run. */
    public enum Outcome {
        PUBLISHED, NOT_DUE, TAKEN, POSTPONED, FAILED, OUTCOME_UNKNOWN, NOTHING_TO_DO
    }

    /**
     * A variant this node claimed (or reads back): what to send and where. {@code draft} is
     * {@code null} when the variant has media, loaded just before the call (not held in memory
     * while the publication waits for its time).
     */
    record Claimed(UUID variantId, UUID postId, CollectiviteId collectivite, UUID accountId, PostDraft draft,
            String firstComment, Instant claimedAt, Instant dueAt, String nativeId, boolean followUp, boolean alert) {
    }

    /** A crisis alert: published at once, in crisis mode too. */
    private static boolean alert(Post post) {
        return post.origin() == Post.Origin.CRISIS;
    }

    /** Whether something follows the post once it is out: a first comment or a thread. */
    private static boolean followUp(Variant variant) {
        return variant.firstComment() != null && !variant.firstComment().isBlank() || !variant.thread().isEmpty();
    }

    /** What a network call gave, to be recorded. */
    sealed interface Result {

        Claimed claimed();
    }

    /** The network published it. */
    record Sent(Claimed claimed, PublishedPost post) implements Result {
    }

    /** Refused (by the network, or before any call): the variant fails. */
    record Refused(Claimed claimed, String key, String arguments) implements Result {
    }

    /** Nothing was sent (rate limit, open circuit, not prepared): the variant waits until then. */
    record Postponed(Claimed claimed, Instant until, String key, String arguments) implements Result {
    }

    /** The call may or may not have published: read back later, never sent again blindly. */
    record Unknown(Claimed claimed, String key, String arguments) implements Result {
    }

    /**
     * Not sent: crisis mode started after the claim. The variant is paused like the scheduled ones
     * (crisis alerts are never held).
     */
    record Held(Claimed claimed) implements Result {
    }

    /** A due variant found by the pump, with its post. */
    record Due(UUID variantId, UUID postId) {
    }

    /** A claim older than this, still {@code PUBLISHING}, belongs to a node that is gone. */
    public Duration staleClaim() {
        return staleClaim;
    }

    /** This node's name, written in its claims. */
    String node() {
        return node;
    }

    /** Publishes the variant if it is due and nobody took it; reads it back if its claim is stale. */
    public Outcome run(UUID variantId) {
        Object claim;
        try {
            claim = transaction.execute(status -> claim(variantId));
        } catch (ObjectOptimisticLockingFailureException e) {
            return Outcome.TAKEN;
        }
        if (claim instanceof Outcome outcome) {
            if (outcome == Outcome.OUTCOME_UNKNOWN) {
                return readBack(variantId);
            }
            return outcome;
        }
        Result result = call((Claimed) claim);
        Outcome outcome = recordAll(List.of(result)).get(0);
        afterRecorded(result);
        return outcome;
    }

    private Object claim(UUID variantId) {
        Variant found = variants.findById(variantId).orElse(null);
        if (found == null) {
            return Outcome.NOTHING_TO_DO;
        }
        Post post = posts.lock(found.postId()).orElse(null);
        Variant variant = variants.findById(variantId).orElse(null);
        if (post == null || variant == null) {
            return Outcome.NOTHING_TO_DO;
        }
        Instant now = clock.instant();
        switch (variant.state()) {
            case SCHEDULED -> {
                if (variant.dueAt() == null || variant.dueAt().isAfter(now.plusMillis(500))) {
                    return Outcome.NOT_DUE;
                }
            }
            case PUBLISHING -> {
                boolean nodeGone = variant.claimedAt() != null && variant.claimedAt().isBefore(now.minus(staleClaim))
                        && !heartbeat.alive(variant.claimedBy());
                boolean tooLong = variant.claimedAt() != null && variant.claimedAt().isBefore(now.minus(maxCall));
                if (nodeGone || tooLong) {
                    variant.outcomeUnknown("publishing.outcome.nodeLost", variant.claimedBy());
                    scheduler.refreshStatus(post);
                    return Outcome.OUTCOME_UNKNOWN;
                }
                return Outcome.TAKEN;
            }
            case NATIVE_SCHEDULED -> {
                return variant.dueAt() != null && !variant.dueAt().isAfter(now) ? Outcome.OUTCOME_UNKNOWN
                        : Outcome.NOT_DUE;
            }
            default -> {
                return Outcome.NOTHING_TO_DO;
            }
        }
        Object claimed = claimChecked(post, variant, now);
        if (claimed == Outcome.FAILED) {
            scheduler.refreshStatus(post);
        }
        return claimed;
    }

    /** Claims a due variant of a locked post, unless a blocking rule forbids it now (then it fails). */
    private Object claimChecked(Post post, Variant variant, Instant now) {
        List<CheckFinding> blockers = checks.blockersAtPublication(post, List.of(variant));
        if (!blockers.isEmpty()) {
            CheckFinding first = blockers.get(0);
            variant.failed(first.messageKey(), join(first.arguments()));
            afterFailure(post, variant, first.messageKey());
            return Outcome.FAILED;
        }
        variant.claim(node, now);
        post.status(PostStatus.PUBLISHING);
        PostDraft draft = variant.mediaIds().isEmpty() ? draft(post, variant) : null;
        return new Claimed(variant.id(), post.id(), variant.collectiviteId(), variant.accountId(), draft,
                variant.firstComment(), now, variant.dueAt(), null, followUp(variant), alert(post));
    }

    /**
     * Claims, in one transaction of the current collectivité, those of these due variants whose post
     * nobody holds (posts locked with SKIP LOCKED, in the order of their ids): each becomes
     * {@code PUBLISHING} for this node, or fails if a blocking rule forbids it now. Variants due
     * after {@code horizon}, or no longer {@code SCHEDULED}, are left alone.
     */
    List<Claimed> claimBatch(List<Due> due, Instant horizon) {
        return transaction.execute(status -> {
            Set<UUID> wanted = due.stream().map(Due::variantId).collect(Collectors.toSet());
            List<UUID> postIds = due.stream().map(Due::postId).distinct().sorted().toList();
            List<Post> locked = posts.lockAvailable(postIds);
            if (locked.isEmpty()) {
                return List.<Claimed>of();
            }
            Map<UUID, List<Variant>> byPost = variants.findByPostIdIn(locked.stream().map(Post::id).toList()).stream()
                    .collect(Collectors.groupingBy(Variant::postId));
            Instant now = clock.instant();
            List<Claimed> claimed = new ArrayList<>();
            for (Post post : locked) {
                List<Variant> ofPost = byPost.getOrDefault(post.id(), List.of());
                boolean failed = false;
                for (Variant variant : ofPost) {
                    if (!wanted.contains(variant.id()) || variant.state() != VariantState.SCHEDULED
                            || variant.dueAt() == null || variant.dueAt().isAfter(horizon)) {
                        continue;
                    }
                    Object result = claimChecked(post, variant, now);
                    if (result instanceof Claimed c) {
                        claimed.add(c);
                    } else {
                        failed = true;
                    }
                }
                if (failed) {
                    post.status(PublicationScheduler.statusOf(ofPost, post.status()));
                }
            }
            return claimed;
        });
    }

    /**
     * Gives back claimed variants this node will not call (it stops): {@code SCHEDULED} again at
     * their time, if still claimed by this node for that claim.
     */
    void release(List<Claimed> claimed) {
        transaction.executeWithoutResult(status -> {
            List<UUID> postIds = claimed.stream().map(Claimed::postId).distinct().sorted().toList();
            List<Post> locked = posts.lockAll(postIds);
            Map<UUID, List<Variant>> byPost = variants.findByPostIdIn(postIds).stream()
                    .collect(Collectors.groupingBy(Variant::postId));
            Map<UUID, Claimed> byVariant = claimed.stream().collect(Collectors.toMap(Claimed::variantId, c -> c));
            for (Post post : locked) {
                List<Variant> ofPost = byPost.getOrDefault(post.id(), List.of());
                for (Variant variant : ofPost) {
                    Claimed c = byVariant.get(variant.id());
                    if (c != null && variant.state() == VariantState.PUBLISHING && node.equals(variant.claimedBy())
                            && c.claimedAt().equals(variant.claimedAt())) {
                        variant.schedule(c.dueAt());
                    }
                }
                post.status(PublicationScheduler.statusOf(ofPost, post.status()));
            }
        });
    }

    private PostDraft draft(Post post, Variant variant) {
        String text = PostTexts.finalText(variant.text(), post.body(), post.link(), post.utmCampaign(),
                variant.network());
        String link = PostTexts.taggedLink(post.link(), post.utmCampaign(), variant.network());
        var images = contents.orderedStream().flatMap(c -> c.images(variant).stream()).toList();
        var videos = contents.orderedStream().flatMap(c -> c.videos(variant).stream()).toList();
        return new PostDraft(text, images, link == null ? null : URI.create(link), null, "fr", variant.id().toString(),
                videos);
    }

    /** The draft handed to the network's scheduler: its own idempotency key (per variant and time). */
    private PostDraft nativeDraft(Post post, Variant variant, Instant at) {
        return draft(post, variant).withIdempotencyKey(variant.id() + "-native-" + at.toEpochMilli());
    }

    /**
     * The network call, outside any transaction, in the variant's collectivité. Never throws: what
     * happened is the result, recorded by {@link #recordAll}.
     */
    Result call(Claimed claimed) {
        try {
            if (!claimed.alert() && crisis.activeForCalls()) {
                return new Held(claimed);
            }
        } catch (RuntimeException e) {
            log.warn("Crisis mode of variant {} not read, nothing sent: {}", claimed.variantId(), e.toString());
            return new Postponed(claimed, clock.instant().plusSeconds(60), "publishing.outcome.notSent",
                    e.getClass().getSimpleName());
        }
        PostDraft draft;
        try {
            draft = claimed.draft() != null ? claimed.draft()
                    : transaction.execute(status -> variants.findById(claimed.variantId())
                            .map(v -> draft(posts.findById(v.postId()).orElseThrow(), v)).orElseThrow());
        } catch (DomainException e) {
            return new Refused(claimed, e.messageKey(), join(Arrays.asList(e.arguments())));
        } catch (RuntimeException e) {
            log.warn("Publication of variant {} not prepared, nothing sent: {}", claimed.variantId(), e.toString());
            return new Postponed(claimed, clock.instant().plusSeconds(60), "publishing.outcome.notSent",
                    e.getClass().getSimpleName());
        }
        try {
            return new Sent(claimed, channels.publish(claimed.accountId(), draft));
        } catch (ConnectorException e) {
            return classify(claimed, e);
        } catch (DomainException e) {
            // refused before any call (account paused, disabled, not found)
            return new Refused(claimed, e.messageKey(), join(Arrays.asList(e.arguments())));
        } catch (RuntimeException e) {
            log.warn("Publication of variant {} ended without an answer: {}", claimed.variantId(), e.toString());
            return new Unknown(claimed, "publishing.outcome.error", e.getClass().getSimpleName());
        }
    }

    private Result classify(Claimed claimed, ConnectorException e) {
        Kind kind = e.kind();
        String arguments = join(Arrays.asList(e.arguments()));
        if (kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE && "connector.circuitOpen".equals(e.messageKey())) {
            Instant until = e.retryAt() != null ? e.retryAt() : clock.instant().plusSeconds(60);
            return new Postponed(claimed, until, e.messageKey(), arguments);
        }
        if (kind == Kind.OUTCOME_UNKNOWN || kind == Kind.UNAVAILABLE || kind == Kind.MALFORMED_RESPONSE) {
            return new Unknown(claimed, e.messageKey(), arguments);
        }
        return new Refused(claimed, e.messageKey(), arguments);
    }

    /**
     * Records what the calls gave, in one transaction of the current collectivité (posts locked in
     * the order of their ids): the outcome of each result, in order.
     */
    List<Outcome> recordAll(List<Result> results) {
        return transaction.execute(status -> {
            List<UUID> postIds = results.stream().map(r -> r.claimed().postId()).distinct().sorted().toList();
            Map<UUID, Post> locked = posts.lockAll(postIds).stream().collect(Collectors.toMap(Post::id, p -> p));
            Map<UUID, List<Variant>> byPost = variants.findByPostIdIn(postIds).stream()
                    .collect(Collectors.groupingBy(Variant::postId));
            List<Outcome> outcomes = new ArrayList<>(results.size());
            for (Result result : results) {
                Post post = locked.get(result.claimed().postId());
                Variant variant = byPost.getOrDefault(result.claimed().postId(), List.of()).stream()
                        .filter(v -> v.id().equals(result.claimed().variantId())).findFirst().orElse(null);
                if (post == null || variant == null) {
                    log.warn("Publication of variant {} cannot be recorded: deleted meanwhile", result.claimed().variantId());
                    outcomes.add(Outcome.NOTHING_TO_DO);
                    continue;
                }
                outcomes.add(apply(post, variant, result));
            }
            for (Post post : locked.values()) {
                if (post.status() != PostStatus.CANCELLED) {
                    post.status(PublicationScheduler.statusOf(byPost.getOrDefault(post.id(), List.of()), post.status()));
                }
            }
            return outcomes;
        });
    }

    private Outcome apply(Post post, Variant variant, Result result) {
        if (result instanceof Sent sent) {
            return published(post, variant, sent.post(), null);
        }
        if (variant.state() != VariantState.PUBLISHING) {
            // settled meanwhile (read back after a stale claim): a late failure changes nothing
            log.info("Variant {} is {} already: {} not recorded", variant.id(), variant.state(),
                    result.getClass().getSimpleName());
            return Outcome.NOTHING_TO_DO;
        }
        if (result instanceof Refused refused) {
            variant.failed(refused.key(), refused.arguments());
            afterFailure(post, variant, refused.key());
            return Outcome.FAILED;
        }
        if (result instanceof Postponed postponed) {
            variant.postpone(postponed.until(), postponed.key(), postponed.arguments());
            return Outcome.POSTPONED;
        }
        if (result instanceof Held held) {
            if (!crisis.active()) {
                // the crisis ended between the call's check (read up to 0.5 s earlier) and now
                variant.schedule(clock.instant());
                return Outcome.POSTPONED;
            }
            variant.schedule(held.claimed().dueAt());
            variant.pause();
            post.pausedByCrisis(true);
            log.info("Variant {} held back: crisis mode started after its claim", variant.id());
            return Outcome.POSTPONED;
        }
        Unknown unknown = (Unknown) result;
        variant.outcomeUnknown(unknown.key(), unknown.arguments());
        return Outcome.OUTCOME_UNKNOWN;
    }

    /** After the record: the first comment of a published variant (another network call). */
    void afterRecorded(Result result) {
        if (result instanceof Sent sent) {
            firstComment(sent.claimed(), sent.post());
        }
    }

    private Outcome unknown(UUID variantId, String key, String arguments) {
        return record(variantId, (post, variant) -> {
            variant.outcomeUnknown(key, arguments);
            return Outcome.OUTCOME_UNKNOWN;
        });
    }

    /**
     * Reads an {@code OUTCOME_UNKNOWN} (or natively scheduled, now due) variant back from its
     * network. Never publishes blindly: only a proven absence allows a new publication.
     */
    public Outcome readBack(UUID variantId) {
        Object prepared = transaction.execute(status -> {
            Variant variant = variants.findById(variantId).orElse(null);
            if (variant == null || variant.state() != VariantState.OUTCOME_UNKNOWN
                    && variant.state() != VariantState.NATIVE_SCHEDULED) {
                return Outcome.NOTHING_TO_DO;
            }
            Post post = posts.findById(variant.postId()).orElseThrow();
            if (variant.state() == VariantState.NATIVE_SCHEDULED) {
                return new Claimed(variant.id(), post.id(), variant.collectiviteId(), variant.accountId(),
                        nativeDraft(post, variant, variant.dueAt()), variant.firstComment(), variant.dueAt(),
                        variant.dueAt(), variant.nativeId(), followUp(variant), alert(post));
            }
            Instant since = variant.claimedAt() != null ? variant.claimedAt()
                    : variant.dueAt() != null ? variant.dueAt() : variant.createdAt();
            return new Claimed(variant.id(), post.id(), variant.collectiviteId(), variant.accountId(),
                    draft(post, variant), variant.firstComment(), since, variant.dueAt(), null, followUp(variant),
                    alert(post));
        });
        if (prepared instanceof Outcome outcome) {
            return outcome;
        }
        Claimed claimed = (Claimed) prepared;
        PublishLookup lookup;
        try {
            if (claimed.nativeId() != null) {
                Optional<PublishedPost> scheduled = channels.read(claimed.accountId(), claimed.nativeId());
                if (scheduled.isPresent()) {
                    return recordPublished(variantId, scheduled.get(), "read-back");
                }
            }
            lookup = channels.lookup(claimed.accountId(), claimed.draft(), claimed.claimedAt().minusSeconds(5));
        } catch (ConnectorException | DomainException e) {
            log.info("Reading back variant {} failed: {}", variantId, e.getMessage());
            return Outcome.OUTCOME_UNKNOWN;
        }
        if (lookup instanceof PublishLookup.Found found) {
            return recordPublished(variantId, found.post(), "read-back");
        }
        if (lookup instanceof PublishLookup.Absent) {
            Boolean nativeLate = transaction.execute(status -> variants.findById(variantId)
                    .map(v -> v.state() == VariantState.NATIVE_SCHEDULED).orElse(false));
            if (Boolean.TRUE.equals(nativeLate)) {
                return nativeNotYetPublished(variantId);
            }
            Outcome again = record(variantId, (post, variant) -> {
                variant.schedule(clock.instant());
                variant.resolvedBy("read-back: absent");
                return Outcome.NOT_DUE;
            });
            log.info("Variant {} is absent from its network: published again", variantId);
            return again == Outcome.NOT_DUE ? run(variantId) : again;
        }
        return record(variantId, (post, variant) -> {
            if (variant.state() == VariantState.OUTCOME_UNKNOWN && variant.resolvedBy() == null) {
                variant.resolvedBy("read-back: unknown");
                notifyAuthor(post, "OUTCOME_UNKNOWN", "notification.outcomeUnknown");
                events.publishEvent(new PublicationOutcomeUnknown(Tenancy.require(), post.id(), variant.id()));
            }
            return Outcome.OUTCOME_UNKNOWN;
        });
    }

    /**
     * A natively scheduled variant the network has not published yet: wait a little (networks run
     * their schedules late), then cancel the native schedule and publish it from Parvis. If the
     * cancellation fails, the network may still publish it: Parvis does not, a person decides.
     */
    private Outcome nativeNotYetPublished(UUID variantId) {
        Variant variant = transaction.execute(status -> variants.findById(variantId).orElseThrow());
        if (variant.dueAt() != null && clock.instant().isBefore(variant.dueAt().plus(NATIVE_GRACE))) {
            return Outcome.NOT_DUE;
        }
        try {
            channels.cancelNative(variant.accountId(), variant.nativeId());
        } catch (RuntimeException e) {
            return unknown(variantId, "publishing.outcome.nativeLate", variant.nativeId());
        }
        record(variantId, (post, v) -> {
            v.schedule(clock.instant());
            return Outcome.NOT_DUE;
        });
        return run(variantId);
    }

    /** Hands a variant to the network's own scheduler (accounts set for native scheduling). */
    public void scheduleNatively(UUID variantId, Instant at) {
        Claimed claimed = transaction.execute(status -> {
            Variant variant = variants.findById(variantId).orElse(null);
            if (variant == null || variant.state() != VariantState.SCHEDULED || !at.equals(variant.dueAt())) {
                return null;
            }
            Post post = posts.findById(variant.postId()).orElseThrow();
            return new Claimed(variant.id(), post.id(), variant.collectiviteId(), variant.accountId(),
                    nativeDraft(post, variant, at), null, at, at, null, false, alert(post));
        });
        if (claimed == null) {
            return;
        }
        String id;
        try {
            id = channels.scheduleNatively(claimed.accountId(), claimed.draft(), at);
        } catch (ConnectorException | DomainException e) {
            log.info("Native scheduling of variant {} refused ({}): Parvis publishes it itself", variantId,
                    e.getMessage());
            return;
        }
        transaction.executeWithoutResult(status -> variants.findById(variantId).ifPresent(v -> {
            if (v.state() == VariantState.SCHEDULED && at.equals(v.dueAt())) {
                v.nativelyScheduled(id);
            } else {
                // changed meanwhile: the native schedule must not stay
                cancelQuietly(v.accountId(), id);
            }
        }));
    }

    private void cancelQuietly(UUID accountId, String nativeId) {
        try {
            channels.cancelNative(accountId, nativeId);
        } catch (RuntimeException e) {
            log.warn("Could not cancel native schedule {}: {}", nativeId, e.toString());
        }
    }

    /** What follows the post: its first comment or its thread ({@link ThreadPublisher}). */
    private void firstComment(Claimed claimed, PublishedPost published) {
        try {
            threads.publish(claimed.variantId(), claimed.accountId(), published);
        } catch (RuntimeException e) {
            // the post is out; the thread job continues what is left
            log.warn("Thread of variant {} interrupted: {}", claimed.variantId(), e.toString());
        }
    }

    private Outcome recordPublished(UUID variantId, PublishedPost published, String resolvedBy) {
        return record(variantId, (post, variant) -> published(post, variant, published, resolvedBy));
    }

    private Outcome published(Post post, Variant variant, PublishedPost published, String resolvedBy) {
        if (variant.state() == VariantState.PUBLISHED) {
            return Outcome.PUBLISHED;
        }
        variant.published(published.externalId(), published.url() == null ? null : published.url().toString(),
                published.publishedAt() == null ? clock.instant() : published.publishedAt(), resolvedBy);
        audit.record(new AuditRecord("publishing.publication.published", "post", post.id().toString(),
                Texts.abbreviate(post.title() != null ? post.title() : post.body(), 200),
                AuditDetails.of("network", variant.network().name(), "externalId",
                        Texts.abbreviate(published.externalId(), 300), "readBack", String.valueOf(resolvedBy != null))));
        events.publishEvent(new PostPublished(Tenancy.require(), post.id(), variant.id(), variant.accountId(),
                variant.network(), published.externalId()));
        return Outcome.PUBLISHED;
    }

    private void afterFailure(Post post, Variant variant, String key) {
        audit.record(new AuditRecord("publishing.publication.failed", "post", post.id().toString(),
                Texts.abbreviate(post.title() != null ? post.title() : post.body(), 200),
                AuditDetails.of("network", variant.network().name(), "reason", key)));
        events.publishEvent(new PublicationFailed(Tenancy.require(), post.id(), variant.id(), key));
        notifyAuthor(post, "FAILED", "notification.failed");
    }

    private void notifyAuthor(Post post, String kind, String key) {
        if (post.authorId() != null) {
            notifications.save(new Notification(post.authorId(), post.id(), kind, key,
                    Texts.abbreviate(post.title() != null ? post.title() : post.body(), 120), clock.instant()));
        }
    }

    private interface Change {
        Outcome apply(Post post, Variant variant);
    }

    private Outcome record(UUID variantId, Change change) {
        return transaction.execute(status -> {
            Variant found = variants.findById(variantId).orElseThrow();
            Post post = posts.lock(found.postId()).orElseThrow();
            Variant variant = variants.findById(variantId).orElseThrow();
            Outcome outcome = change.apply(post, variant);
            scheduler.refreshStatus(post);
            return outcome;
        });
    }

    private static String join(List<?> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return null;
        }
        return Texts.abbreviate(arguments.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR)), 500);
    }
}

package fr.parvis.publishing;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.PublishingTarget;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.domain.Acknowledgement;
import fr.parvis.publishing.crisis.CrisisState;
import fr.parvis.publishing.jobs.PublicationScheduler;
import fr.parvis.publishing.domain.Acknowledgements;
import fr.parvis.publishing.domain.Approval;
import fr.parvis.publishing.domain.Approvals;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.PostComment;
import fr.parvis.publishing.domain.PostComments;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.ForbiddenException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Posts of the current collectivité: writing them with a variant per account, the pre-publication
 * checks, the approval circuit (none, one or two levels), scheduling, cancelling, and what a
 * person decides when a publication's outcome is unknown. The publication itself is done by the
 * scheduler ({@link Publisher}), exactly once per (post, account).
 */
@Service
@Validated
@Transactional(readOnly = true)
public class PublishingManagement {

    /** The furthest a post may be scheduled. */
    static final Duration HORIZON = Duration.ofDays(2 * 366);

    private final Posts posts;
    private final Variants variants;
    private final Approvals approvals;
    private final PostComments comments;
    private final Acknowledgements acknowledgements;
    private final ChannelPublishing channels;
    private final PostChecks checks;
    private final ApprovalCircuit circuit;
    private final PublicationScheduler scheduler;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final fr.parvis.publishing.media.MediaLibrary media;
    private final CrisisState crisis;

    PublishingManagement(Posts posts, Variants variants, Approvals approvals, PostComments comments,
            Acknowledgements acknowledgements, ChannelPublishing channels, PostChecks checks, ApprovalCircuit circuit,
            PublicationScheduler scheduler, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            CrisisState crisis, fr.parvis.publishing.media.MediaLibrary media) {
        this.media = media;
        this.posts = posts;
        this.variants = variants;
        this.approvals = approvals;
        this.comments = comments;
        this.acknowledgements = acknowledgements;
        this.channels = channels;
        this.checks = checks;
        this.circuit = circuit;
        this.scheduler = scheduler;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.crisis = crisis;
    }

    // ---- Reading ------------------------------------------------------------------------------

    public PostView get(UUID postId) {
        Post post = load(postId);
        return view(post, variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId));
    }

    /** The latest posts first, at most {@code size} (≤ 200) per page. */
    public List<PostView> list(PostFilter filter, int page, int size) {
        int bounded = Math.max(1, Math.min(size, 200));
        Page<Post> found = filter.statuses().isEmpty()
                ? posts.findAllByOrderByUpdatedAtDesc(PageRequest.of(Math.max(0, page), bounded))
                : posts.findByStatusInOrderByUpdatedAtDesc(filter.statuses(), PageRequest.of(Math.max(0, page), bounded));
        return views(found.getContent(), filter);
    }

    /** Posts scheduled (or published) from {@code from} (included) to {@code to} (excluded), for the calendar. */
    public List<PostView> between(Instant from, Instant to, PostFilter filter) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).toDays() > 400) {
            throw new InvalidInputException("publishing.period.invalid", "from");
        }
        return views(posts.scheduledBetween(from, to), filter);
    }

    private List<PostView> views(List<Post> found, PostFilter filter) {
        Map<UUID, List<Variant>> byPost = new LinkedHashMap<>();
        for (Variant variant : variants.findByPostIdIn(found.stream().map(Post::id).toList())) {
            byPost.computeIfAbsent(variant.postId(), id -> new ArrayList<>()).add(variant);
        }
        Map<UUID, PublishingTarget> targets = new LinkedHashMap<>();
        List<PostView> views = new ArrayList<>();
        for (Post post : found) {
            List<Variant> list = byPost.getOrDefault(post.id(), List.of());
            list.sort(Comparator.comparing(Variant::network).thenComparing(Variant::createdAt));
            PostView view = view(post, list, targets);
            if (matches(view, filter, targets)) {
                views.add(view);
            }
        }
        return views;
    }

    private static boolean matches(PostView view, PostFilter filter, Map<UUID, PublishingTarget> targets) {
        if (!filter.statuses().isEmpty() && !filter.statuses().contains(view.status())) {
            return false;
        }
        if (!filter.accountIds().isEmpty()
                && view.variants().stream().noneMatch(v -> filter.accountIds().contains(v.accountId()))) {
            return false;
        }
        if (!filter.networks().isEmpty()
                && view.variants().stream().noneMatch(v -> filter.networks().contains(v.network()))) {
            return false;
        }
        if (filter.community() != null && !filter.community().isBlank()) {
            return view.variants().stream().map(v -> targets.get(v.accountId()))
                    .anyMatch(t -> t != null && filter.community().equalsIgnoreCase(t.community()));
        }
        return true;
    }

    public PostHistoryView history(UUID postId) {
        List<PostHistoryView.Entry> entries = new ArrayList<>();
        Post post = load(postId);
        if (post.submittedAt() != null) {
            entries.add(new PostHistoryView.Entry(post.submittedAt(), "SUBMITTED", 0, post.authorId(), post.authorName(),
                    null));
        }
        for (Variant variant : variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId)) {
            if (variant.publishedAt() != null) {
                entries.add(new PostHistoryView.Entry(variant.publishedAt(), "PUBLISHED", 0, null, null,
                        channels.target(variant.accountId()).label()
                                + (variant.url() == null ? "" : " " + variant.url())));
            }
        }
        approvals.findByPostIdOrderByDecidedAtAsc(postId).forEach(a -> entries.add(new PostHistoryView.Entry(
                a.decidedAt(), a.decision().name(), a.level(), a.userId(), a.userName(), a.comment())));
        comments.findByPostIdOrderByWrittenAtAsc(postId).forEach(c -> entries.add(new PostHistoryView.Entry(
                c.writtenAt(), "COMMENT", 0, c.userId(), c.userName(), c.text())));
        acknowledgements.findByPostIdOrderByAcknowledgedAtAsc(postId).forEach(a -> entries.add(
                new PostHistoryView.Entry(a.acknowledgedAt(), "ACKNOWLEDGED", 0, a.userId(), a.userName(), a.code())));
        entries.sort(Comparator.comparing(PostHistoryView.Entry::at));
        return new PostHistoryView(entries);
    }

    /** The checks of a saved post, with the warnings already acknowledged. */
    public CheckReport check(UUID postId) {
        Post post = load(postId);
        return checks.check(post, variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId), acknowledged(postId));
    }

    /** The checks of an unsaved post (the composer's live preview). Saves nothing. */
    public CheckReport preview(@Valid @NotNull PostCommand command) {
        Post post = new Post(Post.Origin.COMPOSER, null, null, null);
        post.content(clean(command.title()), body(command), link(command.link()), clean(command.utmCampaign()),
                command.boosted());
        post.scheduledAt(command.scheduledAt());
        List<Variant> list = new ArrayList<>();
        for (PostCommand.VariantCommand v : command.variants()) {
            PublishingTarget target = channels.target(v.accountId());
            Variant variant = new Variant(null, v.accountId(), target.network());
            variant.content(ownText(v.text()), clean(v.firstComment()), v.mediaIds());
            variant.thread(thread(v));
            list.add(variant);
        }
        return checks.check(post, list, Set.of());
    }

    /** The accounts a post can go to. */
    public List<PublishingTarget> targets() {
        return channels.targets();
    }

    // ---- Writing ------------------------------------------------------------------------------

    @Transactional
    public PostView create(@Valid @NotNull PostCommand command) {
        Actors.require(Permission.POSTS_WRITE);
        return create(command, Actors.currentAgent().map(PublishingManagement::origin).orElse(Post.Origin.API), null);
    }

    /** For the other entry points of this module (feeds, CSV, crisis templates). */
    @Transactional
    PostView create(PostCommand command, Post.Origin origin, String originRef) {
        validate(command);
        ParvisAuthentication agent = Actors.currentAgent().orElse(null);
        Post post = new Post(origin, originRef, agent == null ? null : agent.userId().value(),
                agent == null ? null : agent.getPrincipal().displayName());
        post.content(clean(command.title()), body(command), link(command.link()), clean(command.utmCampaign()),
                command.boosted());
        post.scheduledAt(command.scheduledAt());
        post.resetApprovals(circuit.levelsFor(accountIds(command)));
        posts.save(post);
        writeVariants(post, command, List.of());
        audit.record(record("publishing.post.created", post, AuditDetails.of("accounts",
                String.valueOf(command.variants().size()), "origin", origin.name())));
        return get(post.id());
    }

    /**
     * For the platform only (load benchmarks, tooling): a post approved by the platform, with the
     * reason recorded as a bypass of the circuit, scheduled at {@code at}. Refused to agents.
     */
    @Transactional
    public PostView createPreApproved(@Valid @NotNull PostCommand command, @NotNull Instant at,
            @NotNull @Size(min = 1, max = 300) String reason) {
        if (Actors.currentSystem().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("Platform only");
        }
        PostView created = create(command, Post.Origin.API, null);
        Post post = lock(created.id());
        Instant now = clock.instant();
        approvals.save(new Approval(post.id(), 1, Approval.Decision.BYPASSED, null, "Parvis", null, now, reason));
        post.bypassApproval(reason, now);
        scheduler.schedule(post, variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id()), at);
        audit.record(record("publishing.post.preApproved", post, AuditDetails.of("reason", reason)));
        return view(post, variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id()));
    }

    /**
     * Publishes a crisis alert at once (issue 4 §6): the post is created from a pre-approved
     * template (origin CRISIS), the approval circuit is bypassed — recorded as a {@code BYPASSED}
     * decision by the current agent and audited — and its variants are scheduled now. Errors of the
     * checks refuse it; warnings do not (the text was approved with the template). Allowed in and
     * out of crisis mode. Requires {@link Permission#CRISIS_MANAGE}.
     */
    @Transactional
    public PostView publishAlert(@Valid @NotNull PostCommand command, @NotNull @Size(max = 40) String templateCode) {
        Actors.require(Permission.CRISIS_MANAGE);
        ParvisAuthentication agent = Actors.requireAgent();
        if (command.scheduledAt() != null) {
            throw new InvalidInputException("crisis.alert.noSchedule", "scheduledAt");
        }
        PostView created = create(command, Post.Origin.CRISIS, "alert:" + templateCode + ":" + UUID.randomUUID());
        Post post = lock(created.id());
        List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id());
        CheckReport report = checks.check(post, list, Set.of());
        if (!report.errors().isEmpty()) {
            throw new InvalidInputException("publishing.checks.errors", null, report.errors().size());
        }
        Instant now = clock.instant();
        String reason = "crisis-alert:" + templateCode;
        approvals.save(new Approval(post.id(), 1, Approval.Decision.BYPASSED, agent.userId().value(),
                agent.getPrincipal().displayName(), agent.role().name(), now, reason));
        post.submitted(now);
        post.bypassApproval(reason, now);
        post.status(PostStatus.APPROVED);
        audit.record(record("publishing.post.approvalBypassed", post, AuditDetails.of("reason", reason)));
        scheduler.schedule(post, list, now);
        return get(post.id());
    }

    /**
     * A draft from an item of an RSS/Atom source (origin FEED, deduplicated by {@code itemRef}: the
     * same item never gives two posts). With {@code autoPublish}, the post is checked and, without
     * errors, published at once with an audited bypass of the circuit; with errors, or in crisis
     * mode, it stays a draft. Returns the existing post when the item was already turned into one.
     * Runs for the platform (the listener of the feed event) or an agent with the publishing settings.
     */
    @Transactional
    public PostView createFromFeed(@Valid @NotNull PostCommand command, @NotNull @Size(max = 600) String itemRef,
            boolean autoPublish) {
        if (Actors.currentAgent().isPresent()) {
            Actors.require(Permission.PUBLISHING_SETTINGS);
        }
        var existing = posts.findByOriginAndOriginRef(Post.Origin.FEED, itemRef);
        if (existing.isPresent()) {
            return get(existing.get().id());
        }
        PostView created = create(command, Post.Origin.FEED, itemRef);
        if (!autoPublish || crisis.active()) {
            return created;
        }
        Post post = lock(created.id());
        List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id());
        if (!checks.check(post, list, Set.of()).errors().isEmpty()) {
            return created;
        }
        Instant now = clock.instant();
        approvals.save(new Approval(post.id(), 1, Approval.Decision.BYPASSED, null, null, null, now, "feed-auto-publish"));
        post.submitted(now);
        post.bypassApproval("feed-auto-publish", now);
        post.status(PostStatus.APPROVED);
        audit.record(record("publishing.post.approvalBypassed", post, AuditDetails.of("reason", "feed-auto-publish")));
        scheduler.schedule(post, list, now);
        return get(post.id());
    }

    /**
     * A draft imported from a file (the calendar's CSV import): like {@link #create(PostCommand)},
     * with the CSV origin and a reference unique in the collectivité (a row is imported once).
     */
    @Transactional
    public PostView importDraft(@Valid @NotNull PostCommand command, @NotNull @Size(min = 1, max = 600) String originRef) {
        Actors.require(Permission.POSTS_WRITE);
        return create(command, Post.Origin.CSV, originRef);
    }

    private static Post.Origin origin(ParvisAuthentication agent) {
        return agent.tokenId().isPresent() ? Post.Origin.API : Post.Origin.COMPOSER;
    }

    /**
     * Changes a post. Anything approved or scheduled goes back to draft (the circuit starts again);
     * native schedules are cancelled on the networks first. Refused while a publication is under way
     * or done.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PostView update(UUID postId, @Valid @NotNull PostCommand command) {
        Actors.require(Permission.POSTS_WRITE);
        validate(command);
        scheduler.cancelNativeSchedules(postId);
        return scheduler.inTransaction(() -> {
            Post post = lockEditable(postId);
            List<Variant> existing = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId);
            post.content(clean(command.title()), body(command), link(command.link()), clean(command.utmCampaign()),
                    command.boosted());
            post.scheduledAt(command.scheduledAt());
            post.resetApprovals(circuit.levelsFor(accountIds(command)));
            post.pausedByCrisis(false);
            post.status(PostStatus.DRAFT);
            writeVariants(post, command, existing);
            audit.record(record("publishing.post.updated", post, null));
            return get(post.id());
        });
    }

    private void writeVariants(Post post, PostCommand command, List<Variant> existing) {
        Map<UUID, Variant> byAccount = new LinkedHashMap<>();
        existing.forEach(v -> byAccount.put(v.accountId(), v));
        Set<UUID> kept = new HashSet<>();
        for (PostCommand.VariantCommand v : command.variants()) {
            if (!kept.add(v.accountId())) {
                throw new InvalidInputException("publishing.variant.duplicateAccount", "variants");
            }
            PublishingTarget target = channels.target(v.accountId());
            Variant variant = byAccount.get(v.accountId());
            if (variant == null) {
                variant = new Variant(post.id(), v.accountId(), target.network());
            }
            List<UUID> before = usedMedia(variant);
            variant.content(ownText(v.text()), clean(v.firstComment()), v.mediaIds());
            variant.thread(thread(v));
            variant.draft();
            variants.save(variant);
            countUsage(before, usedMedia(variant));
        }
        for (Variant old : existing) {
            if (!kept.contains(old.accountId())) {
                countUsage(usedMedia(old), List.of());
                variants.delete(old);
            }
        }
    }

    /** The media of a variant and of its thread's parts, each once. */
    private static List<UUID> usedMedia(Variant variant) {
        java.util.LinkedHashSet<UUID> used = new java.util.LinkedHashSet<>(variant.mediaIds());
        variant.thread().forEach(p -> used.addAll(p.mediaIds()));
        return List.copyOf(used);
    }

    /** Keeps the library's usage counts: a medium in use is shown as such and never archived by mistake. */
    private void countUsage(List<UUID> before, List<UUID> after) {
        for (UUID id : after) {
            if (!before.contains(id)) {
                media.markUsed(new fr.parvis.publishing.media.MediaId(id));
            }
        }
        for (UUID id : before) {
            if (!after.contains(id)) {
                media.markUnused(new fr.parvis.publishing.media.MediaId(id));
            }
        }
    }

    /** Cancels a post that is not published (drafts are kept as cancelled, nothing is erased). */
    @Transactional(propagation = Propagation.NEVER)
    public PostView cancel(UUID postId) {
        Actors.require(Permission.POSTS_WRITE);
        scheduler.cancelNativeSchedules(postId);
        return scheduler.inTransaction(() -> {
            Post post = lockEditable(postId);
            for (Variant variant : variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId)) {
                if (!variant.state().finished()) {
                    variant.cancel();
                }
            }
            post.status(PostStatus.CANCELLED);
            audit.record(record("publishing.post.cancelled", post, null));
            return get(postId);
        });
    }

    /** Deletes a draft: it is kept as cancelled (public archives), gone from the lists. */
    @Transactional(propagation = Propagation.NEVER)
    public void deleteDraft(UUID postId) {
        PostView post = get(postId);
        if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.CHANGES_REQUESTED
                && post.status() != PostStatus.APPROVAL_EXPIRED && post.status() != PostStatus.CANCELLED) {
            throw new ConflictException("publishing.post.notDraft", null, post.status().name());
        }
        cancel(postId);
    }

    @Transactional
    public PostHistoryView comment(UUID postId, @NotNull @Size(min = 1, max = 2000) String text) {
        if (!Actors.has(Permission.POSTS_WRITE) && !Actors.has(Permission.POSTS_APPROVE)) {
            Actors.require(Permission.POSTS_WRITE);
        }
        Post post = load(postId);
        String cleaned = Texts.clean(text);
        if (cleaned == null || cleaned.isBlank()) {
            throw new InvalidInputException("publishing.comment.empty", "text");
        }
        ParvisAuthentication agent = Actors.requireAgent();
        comments.save(new PostComment(post.id(), agent.userId().value(), agent.getPrincipal().displayName(),
                clock.instant(), cleaned));
        circuit.notifyComment(post, agent.userId().value());
        audit.record(record("publishing.post.commented", post, null));
        return history(postId);
    }

    // ---- Approval circuit ---------------------------------------------------------------------

    /**
     * Sends a post into the approval circuit. Errors of the checks refuse it; every warning must be
     * in {@code acknowledged} (each acknowledgement is recorded with who and when). Without approval
     * levels, the post is approved at once.
     */
    @Transactional
    public PostView submit(UUID postId, @Size(max = 200) Set<@Size(max = 200) String> acknowledged) {
        Actors.require(Permission.POSTS_WRITE);
        Post post = lock(postId);
        if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.CHANGES_REQUESTED
                && post.status() != PostStatus.APPROVAL_EXPIRED) {
            throw new ConflictException("publishing.submit.status", null, post.status().name());
        }
        List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId);
        Set<String> acks = acknowledged == null ? Set.of() : acknowledged;
        CheckReport report = checks.check(post, list, union(acknowledged(postId), acks));
        requirePasses(report);
        recordAcknowledgements(post, report, acks);
        post.resetApprovals(circuit.levelsFor(list.stream().map(Variant::accountId).toList()));
        Instant now = clock.instant();
        post.submitted(now);
        audit.record(record("publishing.post.submitted", post, AuditDetails.of("levels",
                String.valueOf(post.approvalLevels()), "acknowledged", String.join(" ", acks))));
        if (post.approvalLevels() == 0) {
            post.approvedOneLevel(now);
            approved(post, list);
        } else {
            events.publishEvent(new PostSubmitted(Tenancy.require(), post.id(), 1));
            circuit.notifyApprovers(post, 1);
        }
        return get(postId);
    }

    /** One level of the circuit approves. The author cannot approve their own post. */
    @Transactional
    public PostView approve(UUID postId, @Size(max = 2000) String comment) {
        Actors.require(Permission.POSTS_APPROVE);
        Post post = lock(postId);
        if (post.status() != PostStatus.SUBMITTED) {
            throw new ConflictException("publishing.approve.status", null, post.status().name());
        }
        int level = post.approvalsGiven() + 1;
        ParvisAuthentication agent = requireApprover(post, level);
        Instant now = clock.instant();
        if (post.scheduledAt() != null && !post.scheduledAt().isAfter(now)) {
            expire(post);
            throw new ConflictException("publishing.approve.expired", null);
        }
        List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId);
        CheckReport report = checks.check(post, list, acknowledged(postId));
        if (!report.errors().isEmpty()) {
            throw new InvalidInputException("publishing.checks.errors", null, report.errors().size());
        }
        approvals.save(new Approval(post.id(), level, Approval.Decision.APPROVED, agent.userId().value(),
                agent.getPrincipal().displayName(), agent.role().name(), now, clean(comment)));
        circuit.handled(post, agent.userId().value());
        boolean complete = post.approvedOneLevel(now);
        audit.record(record("publishing.post.approved", post, AuditDetails.of("level", String.valueOf(level),
                "complete", String.valueOf(complete))));
        events.publishEvent(new PostApproved(Tenancy.require(), post.id(), level, complete));
        if (complete) {
            approved(post, list);
        } else {
            circuit.notifyApprovers(post, level + 1);
        }
        return get(postId);
    }

    /** An approver sends the post back to its author with a reason. */
    @Transactional
    public PostView requestChanges(UUID postId, @NotNull @Size(min = 1, max = 2000) String comment) {
        Actors.require(Permission.POSTS_APPROVE);
        Post post = lock(postId);
        if (post.status() != PostStatus.SUBMITTED) {
            throw new ConflictException("publishing.approve.status", null, post.status().name());
        }
        String reason = Texts.clean(comment);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("publishing.requestChanges.reason", "comment");
        }
        int level = post.approvalsGiven() + 1;
        ParvisAuthentication agent = requireApprover(post, level);
        approvals.save(new Approval(post.id(), level, Approval.Decision.CHANGES_REQUESTED, agent.userId().value(),
                agent.getPrincipal().displayName(), agent.role().name(), clock.instant(), reason));
        circuit.handled(post, agent.userId().value());
        post.resetApprovals(post.approvalLevels());
        post.status(PostStatus.CHANGES_REQUESTED);
        audit.record(record("publishing.post.changesRequested", post, AuditDetails.of("level", String.valueOf(level))));
        events.publishEvent(new PostChangesRequested(Tenancy.require(), post.id()));
        circuit.notifyAuthor(post, "CHANGES_REQUESTED", "notification.changesRequested");
        return get(postId);
    }

    private ParvisAuthentication requireApprover(Post post, int level) {
        ParvisAuthentication agent = Actors.requireAgent();
        Set<Role> roles = circuit.rolesFor(level);
        if (!roles.contains(agent.role())) {
            throw new ForbiddenException("publishing.approve.role", "publishing.approve.role", level);
        }
        if (agent.userId().value().equals(post.authorId()) && agent.role() != Role.ADMIN) {
            throw new ForbiddenException("publishing.approve.ownPost", "publishing.approve.ownPost");
        }
        for (Approval earlier : approvals.findByPostIdOrderByDecidedAtAsc(post.id())) {
            if (earlier.decision() == Approval.Decision.APPROVED && post.submittedAt() != null
                    && !earlier.decidedAt().isBefore(post.submittedAt())
                    && agent.userId().value().equals(earlier.userId())) {
                throw new ForbiddenException("publishing.approve.twice", "publishing.approve.twice");
            }
        }
        return agent;
    }

    private void approved(Post post, List<Variant> list) {
        if (post.scheduledAt() != null && post.origin() != Post.Origin.CRISIS && crisis.active()) {
            // Crisis mode: approved, but held with the other paused posts until the crisis is left.
            list.forEach(Variant::pause);
            post.pausedByCrisis(true);
            post.status(PostStatus.PAUSED);
        } else if (post.scheduledAt() != null) {
            scheduler.schedule(post, list, post.scheduledAt());
        } else {
            post.status(PostStatus.APPROVED);
        }
        circuit.notifyAuthor(post, "APPROVED", post.scheduledAt() != null ? "notification.approvedScheduled"
                : "notification.approved");
    }

    /** Expires the approvals not given before the publication time (the dispatcher, as the platform). */
    @Transactional
    public int expireOverdueApprovals() {
        int expired = 0;
        for (Post post : posts.findByStatusAndScheduledAtBefore(PostStatus.SUBMITTED, clock.instant())) {
            expire(posts.lock(post.id()).orElseThrow());
            expired++;
        }
        return expired;
    }

    /** The approval was not given in time: the post waits for a new time and a new submission. */
    void expire(Post post) {
        approvals.save(new Approval(post.id(), post.approvalsGiven() + 1, Approval.Decision.EXPIRED, null, null, null,
                clock.instant(), null));
        post.status(PostStatus.APPROVAL_EXPIRED);
        audit.record(record("publishing.post.approvalExpired", post, null));
        circuit.notifyAuthor(post, "EXPIRED", "notification.approvalExpired");
    }

    // ---- Scheduling ---------------------------------------------------------------------------

    /**
     * Gives an approved post its time (or a new one). A draft only records the time, which the
     * circuit will use once approved.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PostView schedule(UUID postId, @NotNull Instant at) {
        Actors.require(Permission.POSTS_WRITE);
        Instant now = clock.instant();
        if (at.isBefore(now.minusSeconds(1))) {
            throw new InvalidInputException("publishing.schedule.past", "scheduledAt");
        }
        if (at.isAfter(now.plus(HORIZON))) {
            throw new InvalidInputException("publishing.schedule.tooFar", "scheduledAt");
        }
        scheduler.cancelNativeSchedules(postId);
        return scheduler.inTransaction(() -> {
            Post post = lock(postId);
            List<Variant> list = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId);
            switch (post.status()) {
                case DRAFT, CHANGES_REQUESTED, SUBMITTED -> post.scheduledAt(at);
                case APPROVAL_EXPIRED -> {
                    post.scheduledAt(at);
                    post.status(PostStatus.DRAFT);
                }
                case APPROVED, SCHEDULED, PAUSED, FAILED -> {
                    if (post.origin() != Post.Origin.CRISIS && crisis.active()) {
                        throw new ConflictException("crisis.schedule.refused", "scheduledAt");
                    }
                    post.scheduledAt(at);
                    post.pausedByCrisis(false);
                    CheckReport report = checks.check(post, list, acknowledged(postId));
                    if (!report.errors().isEmpty()) {
                        throw new InvalidInputException("publishing.checks.errors", null, report.errors().size());
                    }
                    scheduler.schedule(post, list.stream().filter(v -> !v.state().finished()
                            || v.state() == VariantState.FAILED).toList(), at);
                }
                default -> throw new ConflictException("publishing.schedule.status", null, post.status().name());
            }
            audit.record(record("publishing.post.scheduled", post, AuditDetails.of("at", at.toString())));
            return get(postId);
        });
    }

    /** Publishes an approved post now. */
    @Transactional(propagation = Propagation.NEVER)
    public PostView publishNow(UUID postId) {
        return schedule(postId, clock.instant());
    }

    /**
     * A person settles a publication whose outcome is unknown: it is on the network (with its
     * address, if known), or it is not and may be published again.
     */
    @Transactional
    public PostView resolveOutcome(UUID postId, UUID variantId, boolean published, @Size(max = 2048) String url) {
        Actors.require(Permission.POSTS_WRITE);
        Post post = lock(postId);
        Variant variant = variants.findById(variantId).filter(v -> v.postId().equals(postId))
                .orElseThrow(() -> new NotFoundException("publishing.variant.notFound"));
        if (variant.state() != VariantState.OUTCOME_UNKNOWN && variant.state() != VariantState.FAILED) {
            throw new ConflictException("publishing.resolve.status", null, variant.state().name());
        }
        ParvisAuthentication agent = Actors.requireAgent();
        String who = agent.getPrincipal().displayName();
        if (published) {
            if (url != null && !url.isBlank() && !PostTexts.validLink(url)) {
                throw new InvalidInputException("check.link.invalid", "url");
            }
            variant.published(null, url == null || url.isBlank() ? null : url.strip(), clock.instant(), who);
        } else {
            variant.resolvedBy(who);
            scheduler.schedule(post, List.of(variant), clock.instant());
        }
        scheduler.refreshStatus(post);
        audit.record(record("publishing.publication.resolved", post, AuditDetails.of("variant", variantId.toString(),
                "published", String.valueOf(published))));
        return get(postId);
    }

    /**
     * A person settles a part of a thread that the network could not tell about (or that it refused):
     * it is online (with its address, if known: without its network id, the parts after it cannot
     * answer it and stop), or it is not and goes out again with the thread job, once.
     */
    @Transactional
    public PostView resolveThreadPart(UUID postId, UUID variantId, int number, boolean published,
            @Size(max = 2048) String url) {
        Actors.require(Permission.POSTS_WRITE);
        Post post = lock(postId);
        Variant variant = variants.findById(variantId).filter(v -> v.postId().equals(postId))
                .orElseThrow(() -> new NotFoundException("publishing.variant.notFound"));
        fr.parvis.publishing.domain.ThreadPart part = variant.thread().stream().filter(p -> p.number() == number)
                .findFirst().orElseThrow(() -> new NotFoundException("publishing.thread.partNotFound"));
        if (part.state() != ThreadPartState.OUTCOME_UNKNOWN && part.state() != ThreadPartState.FAILED) {
            throw new ConflictException("publishing.resolve.status", null, part.state().name());
        }
        String who = Actors.requireAgent().getPrincipal().displayName();
        if (published) {
            if (url != null && !url.isBlank() && !PostTexts.validLink(url)) {
                throw new InvalidInputException("check.link.invalid", "url");
            }
            part.published(null, url == null || url.isBlank() ? null : url.strip(), clock.instant(), who);
        } else {
            part.pending(null, null);
        }
        audit.record(record("publishing.thread.partResolved", post, AuditDetails.of("variant", variantId.toString(),
                "part", String.valueOf(number), "published", String.valueOf(published))));
        return get(postId);
    }

    // ---- Internals ----------------------------------------------------------------------------

    private void validate(PostCommand command) {
        boolean anyMedia = command.variants().stream().anyMatch(v -> !v.mediaIds().isEmpty());
        boolean anyText = command.body() != null && !command.body().isBlank()
                || command.variants().stream().allMatch(v -> v.text() != null && !v.text().isBlank());
        if (!anyText && !anyMedia) {
            throw new InvalidInputException("publishing.post.empty", "body");
        }
        if (command.link() != null && !command.link().isBlank() && !PostTexts.validLink(command.link())) {
            throw new InvalidInputException("check.link.invalid", "link");
        }
        Instant now = clock.instant();
        if (command.scheduledAt() != null && command.scheduledAt().isBefore(now.minusSeconds(1))) {
            throw new InvalidInputException("publishing.schedule.past", "scheduledAt");
        }
        if (command.scheduledAt() != null && command.scheduledAt().isAfter(now.plus(HORIZON))) {
            throw new InvalidInputException("publishing.schedule.tooFar", "scheduledAt");
        }
        for (PostCommand.VariantCommand variant : command.variants()) {
            channels.target(variant.accountId());
            for (UUID mediaId : variant.mediaIds()) {
                if (media.get(new fr.parvis.publishing.media.MediaId(mediaId)).archived()) {
                    throw new InvalidInputException("publishing.media.archived", "mediaIds");
                }
            }
            validateThread(variant);
        }
    }

    /**
     * A thread is bounded ({@value PostCommand#MAX_THREAD_PARTS} parts), each part says something
     * (text or media), its media are not archived, and a variant has a first comment or a thread,
     * not both. Whether the network takes threads, and each part's length as the network counts it,
     * are the checks' (errors shown in the composer, blocking at submission).
     */
    private void validateThread(PostCommand.VariantCommand variant) {
        if (variant.thread().isEmpty()) {
            return;
        }
        if (variant.thread().size() > PostCommand.MAX_THREAD_PARTS) {
            throw new InvalidInputException("publishing.thread.tooManyParts", "thread", variant.thread().size(),
                    PostCommand.MAX_THREAD_PARTS);
        }
        if (clean(variant.firstComment()) != null) {
            throw new InvalidInputException("publishing.thread.withFirstComment", "firstComment");
        }
        int number = 0;
        for (PostCommand.ThreadPartCommand part : variant.thread()) {
            number++;
            if (clean(part.text()) == null && part.mediaIds().isEmpty()) {
                throw new InvalidInputException("publishing.thread.partEmpty", "thread", number);
            }
            for (UUID mediaId : part.mediaIds()) {
                if (media.get(new fr.parvis.publishing.media.MediaId(mediaId)).archived()) {
                    throw new InvalidInputException("publishing.media.archived", "thread");
                }
            }
        }
    }

    private static List<fr.parvis.publishing.domain.ThreadPart.Content> thread(PostCommand.VariantCommand variant) {
        return variant.thread().stream()
                .map(p -> new fr.parvis.publishing.domain.ThreadPart.Content(clean(p.text()), p.mediaIds()))
                .toList();
    }

    private Post load(UUID postId) {
        return posts.findById(postId).orElseThrow(() -> new NotFoundException("publishing.post.notFound"));
    }

    private Post lock(UUID postId) {
        return posts.lock(postId).orElseThrow(() -> new NotFoundException("publishing.post.notFound"));
    }

    private Post lockEditable(UUID postId) {
        Post post = lock(postId);
        if (variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId).stream()
                .anyMatch(v -> v.state() == VariantState.PUBLISHING)) {
            throw new ConflictException("publishing.post.publishing", null);
        }
        if (!post.status().editable()) {
            throw new ConflictException("publishing.post.notEditable", null, post.status().name());
        }
        if (variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId).stream()
                .anyMatch(v -> v.state() == VariantState.PUBLISHED)) {
            throw new ConflictException("publishing.post.alreadyPublished", null);
        }
        return post;
    }

    private Set<String> acknowledged(UUID postId) {
        Set<String> codes = new HashSet<>();
        acknowledgements.findByPostIdOrderByAcknowledgedAtAsc(postId).forEach(a -> codes.add(a.code()));
        return codes;
    }

    private void recordAcknowledgements(Post post, CheckReport report, Set<String> acks) {
        Set<String> already = acknowledged(post.id());
        ParvisAuthentication agent = Actors.currentAgent().orElse(null);
        for (CheckFinding warning : report.warnings()) {
            if (acks.contains(warning.code()) && !already.contains(warning.code())) {
                acknowledgements.save(new Acknowledgement(post.id(), warning.code(),
                        agent == null ? null : agent.userId().value(),
                        agent == null ? null : agent.getPrincipal().displayName(), clock.instant()));
            }
        }
    }

    static void requirePasses(CheckReport report) {
        if (!report.errors().isEmpty()) {
            throw new InvalidInputException("publishing.checks.errors", null, report.errors().size());
        }
        if (!report.unacknowledgedWarnings().isEmpty()) {
            throw new InvalidInputException("publishing.checks.warnings", null, report.unacknowledgedWarnings().size());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<UUID> accountIds(PostCommand command) {
        return command.variants().stream().map(PostCommand.VariantCommand::accountId).toList();
    }

    private static String body(PostCommand command) {
        String body = Texts.clean(command.body());
        return body == null ? "" : body;
    }

    private static String ownText(String text) {
        String cleaned = Texts.clean(text);
        return cleaned == null || cleaned.isBlank() ? null : cleaned;
    }

    private static String clean(String text) {
        String cleaned = Texts.clean(text);
        return cleaned == null || cleaned.isBlank() ? null : cleaned;
    }

    private static String link(String link) {
        return link == null || link.isBlank() ? null : link.strip();
    }

    PostView view(Post post, List<Variant> list) {
        return view(post, list, new LinkedHashMap<>());
    }

    private PostView view(Post post, List<Variant> list, Map<UUID, PublishingTarget> targets) {
        List<VariantView> views = new ArrayList<>();
        for (Variant v : list) {
            PublishingTarget target = targets.computeIfAbsent(v.accountId(), channels::target);
            String text = PostTexts.finalText(v.text(), post.body(), post.link(), post.utmCampaign(), v.network());
            int length = target.profile() == null ? text.length() : target.profile().counter().count(text);
            int max = target.profile() == null ? 0 : target.profile().maxTextLength();
            views.add(new VariantView(v.id(), v.accountId(), v.network(), target.handle(), v.text(), text,
                    v.firstComment(), v.mediaIds(), v.state(), v.dueAt(), v.externalId(), v.url(), v.publishedAt(),
                    v.errorKey(), v.errorArguments() == null ? List.of() : List.of(v.errorArguments().split("\u001f")),
                    length, max, v.resolvedBy(), threadViews(v, target)));
        }
        return new PostView(post.id(), post.title(), post.body(), post.link(), post.utmCampaign(), post.boosted(),
                post.status(), post.scheduledAt(), post.approvalLevels(), post.approvalsGiven(), post.origin().name(),
                post.authorName(), post.authorId(), post.createdAt(), post.updatedAt(), post.pausedByCrisis(),
                post.approvalBypass(), views);
    }

    private static List<ThreadPartView> threadViews(Variant variant, PublishingTarget target) {
        List<ThreadPartView> parts = new ArrayList<>();
        for (fr.parvis.publishing.domain.ThreadPart p : variant.thread()) {
            String text = p.text() == null ? "" : p.text();
            int length = target.profile() == null ? text.codePointCount(0, text.length())
                    : target.profile().counter().count(text);
            int max = target.profile() == null ? 0 : target.profile().maxTextLength();
            parts.add(new ThreadPartView(p.number(), p.text(), p.mediaIds(), p.state(), length, max, p.externalId(),
                    p.url(), p.publishedAt(), p.errorKey(),
                    p.errorArguments() == null ? List.of() : List.of(p.errorArguments().split("\u001f")),
                    p.resolvedBy()));
        }
        return parts;
    }

    static AuditRecord record(String action, Post post, String details) {
        return new AuditRecord(action, "post", post.id().toString(), Texts.abbreviate(label(post), 200), details);
    }

    static String label(Post post) {
        if (post.title() != null) {
            return post.title();
        }
        String body = post.body() == null ? "" : post.body().replaceAll("\\s+", " ").strip();
        return body.length() <= 60 ? body : body.substring(0, 59) + "…";
    }
}

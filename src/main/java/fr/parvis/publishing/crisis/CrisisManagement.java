package fr.parvis.publishing.crisis;

import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.crisis.domain.AlertTemplate;
import fr.parvis.publishing.crisis.domain.AlertTemplates;
import fr.parvis.publishing.crisis.domain.Crises;
import fr.parvis.publishing.crisis.domain.Crisis;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.publishing.jobs.PublicationScheduler;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Crisis mode of the current collectivité (issue 4 §6) and its alert templates.
 *
 * <ul>
 *   <li><b>Start</b> ({@link Permission#CRISIS_MANAGE}, with a reason): every scheduled post is
 *       paused (native schedules are cancelled on the networks first), so the publisher never
 *       claims it; optionally also in the communes that delegated to this EPCI, each in its own
 *       tenant. While the crisis lasts, scheduling an ordinary post is refused
 *       ({@code crisis.schedule.refused}) and a post whose approval completes with a time is paused
 *       too; crisis alerts are published at once.</li>
 *   <li><b>End</b>: the posts stay paused until someone resumes them all (a time in the past becomes
 *       "now" or a chosen time), reschedules or cancels each one.</li>
 *   <li><b>Alerts</b>: shipped templates (canicule, inondation, coupure d'eau, alerte météo,
 *       confinement), editable per collectivité, pre-approved by whoever last saved them; publishing
 *       an alert bypasses the approval circuit, audited, in and out of crisis mode.</li>
 * </ul>
 * Start and end are audited in each collectivité concerned.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class CrisisManagement {

    private static final Logger log = LoggerFactory.getLogger(CrisisManagement.class);

    private static final Set<PostStatus> PAUSABLE = EnumSet.of(PostStatus.SCHEDULED, PostStatus.PUBLISHING,
            PostStatus.OUTCOME_UNKNOWN, PostStatus.FAILED);

    private final Crises crises;
    private final AlertTemplates templates;
    private final Posts posts;
    private final Variants variants;
    private final PublicationScheduler scheduler;
    private final PublishingManagement publishing;
    private final DelegationManagement delegations;
    private final CollectiviteManagement collectivites;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CrisisState state;

    CrisisManagement(Crises crises, AlertTemplates templates, Posts posts, Variants variants,
            PublicationScheduler scheduler, PublishingManagement publishing, DelegationManagement delegations,
            CollectiviteManagement collectivites, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager, CrisisState state) {
        this.state = state;
        this.crises = crises;
        this.templates = templates;
        this.posts = posts;
        this.variants = variants;
        this.scheduler = scheduler;
        this.publishing = publishing;
        this.delegations = delegations;
        this.collectivites = collectivites;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ---- Reading ------------------------------------------------------------------------------

    public CrisisStatus status() {
        CrisisView active = crises.findFirstByEndedAtIsNullOrderByStartedAtDesc().map(CrisisManagement::view)
                .orElse(null);
        return new CrisisStatus(active, pausedCount(), crises.findTop20ByOrderByStartedAtDesc().stream()
                .map(CrisisManagement::view).toList());
    }

    /** The banner of the active crisis, if any (one query when there is none). */
    public java.util.Optional<CrisisBanner> banner() {
        return crises.findFirstByEndedAtIsNullOrderByStartedAtDesc()
                .map(c -> new CrisisBanner(c.startedAt(), c.reason(), pausedCount(), c.parentName()));
    }

    /** The posts held by crisis mode (during it, and after it until each is dealt with). */
    public List<PostView> pausedPosts() {
        return publishing.list(new PostFilter(Set.of(PostStatus.PAUSED), null, null, null, null, null), 0, 200)
                .stream().filter(PostView::pausedByCrisis).toList();
    }

    private long pausedCount() {
        return posts.findByStatusIn(Set.of(PostStatus.PAUSED)).stream().filter(Post::pausedByCrisis).count();
    }

    // ---- Start and end ------------------------------------------------------------------------

    /**
     * Starts crisis mode in the current collectivité and, when {@code includeMembers}, in each
     * commune that delegated to it (an EPCI acting for its members).
     */
    @Transactional(propagation = Propagation.NEVER)
    public CrisisStarted start(@NotNull @Size(max = 500) String reason, boolean includeMembers) {
        Actors.require(Permission.CRISIS_MANAGE);
        ParvisAuthentication agent = Actors.requireAgent();
        String cleaned = Texts.clean(reason);
        if (cleaned == null || cleaned.isBlank() || cleaned.length() < 3) {
            throw new InvalidInputException("crisis.reason.required", "reason");
        }
        List<DelegationView> members = includeMembers ? delegations.received() : List.of();
        UUID by = agent.userId().value();
        String byName = agent.getPrincipal().displayName();
        Crisis crisis = open(cleaned, by, byName, includeMembers, null, null);
        Paused paused = pauseAll(crisis.id());
        List<String> names = new ArrayList<>();
        String selfName = collectivites.current().name();
        for (DelegationView member : members) {
            try {
                SystemActor.actFor(member.communeId(), "crisis mode started by the EPCI " + selfName, () -> {
                    Crisis own = open(cleaned, by, byName, false, crisis.id(), selfName);
                    pauseAll(own.id());
                });
                names.add(member.communeName());
            } catch (ConflictException alreadyInCrisis) {
                log.info("Commune {} already in crisis mode", member.communeId());
                names.add(member.communeName());
            }
        }
        if (!names.isEmpty()) {
            inTransaction(() -> {
                audit.record(new AuditRecord("crisis.members", "crisis", crisis.id().toString(), Texts.abbreviate(
                        cleaned, 200), AuditDetails.of("communes", String.join(", ", names))));
                return null;
            });
        }
        return new CrisisStarted(inTransaction(() -> view(crises.findById(crisis.id()).orElseThrow())),
                paused.count(), paused.nativeNotCancelled(), names);
    }

    private Crisis open(String reason, UUID by, String byName, boolean includeMembers, UUID parent, String parentName) {
        Crisis opened = inTransaction(() -> {
            if (!crises.findByEndedAtIsNull().isEmpty()) {
                throw new ConflictException("crisis.alreadyActive", null);
            }
            Crisis crisis = crises.save(new Crisis(clock.instant(), by, byName, reason, includeMembers, parent,
                    parentName));
            audit.record(new AuditRecord("crisis.started", "crisis", crisis.id().toString(),
                    Texts.abbreviate(reason, 200), AuditDetails.of("members", String.valueOf(includeMembers),
                            "by", parentName == null ? "" : parentName)));
            return crisis;
        });
        // the publications this node already claimed are held back from now on (see Publisher#call)
        state.changed();
        return opened;
    }

    private record Paused(int count, int nativeNotCancelled) {
    }

    /** Cancels native schedules (outside a transaction), then pauses every scheduled variant. */
    private Paused pauseAll(UUID crisisId) {
        List<UUID> scheduled = inTransaction(() -> posts.findByStatusIn(PAUSABLE).stream().map(Post::id).toList());
        for (UUID postId : scheduled) {
            try {
                scheduler.cancelNativeSchedules(postId);
            } catch (RuntimeException e) {
                log.warn("Native schedule of post {} not cancelled for crisis mode: {}", postId, e.toString());
            }
        }
        return inTransaction(() -> {
            int paused = 0;
            int natives = 0;
            for (UUID postId : scheduled) {
                Post post = posts.lock(postId).orElse(null);
                if (post == null || !PAUSABLE.contains(post.status())) {
                    continue;
                }
                boolean any = false;
                for (Variant variant : variants.findByPostIdOrderByNetworkAscCreatedAtAsc(postId)) {
                    if (variant.state() == VariantState.SCHEDULED) {
                        variant.pause();
                        any = true;
                    } else if (variant.state() == VariantState.NATIVE_SCHEDULED) {
                        natives++;
                    }
                }
                if (any) {
                    post.pausedByCrisis(true);
                    scheduler.refreshStatus(post);
                    paused++;
                }
            }
            Crisis crisis = crises.findById(crisisId).orElseThrow();
            crisis.pausedPosts(paused);
            return new Paused(paused, natives);
        });
    }

    /**
     * Ends crisis mode (and the crises it started in member communes). Paused posts stay paused:
     * {@link #resumeAll}, {@link #reschedule} or {@link #cancel} them.
     */
    @Transactional(propagation = Propagation.NEVER)
    public CrisisView end() {
        Actors.require(Permission.CRISIS_MANAGE);
        ParvisAuthentication agent = Actors.requireAgent();
        UUID by = agent.userId().value();
        String byName = agent.getPrincipal().displayName();
        Crisis ended = inTransaction(() -> {
            List<Crisis> active = crises.findByEndedAtIsNull();
            if (active.isEmpty()) {
                throw new ConflictException("crisis.notActive", null);
            }
            Instant now = clock.instant();
            for (Crisis crisis : active) {
                crisis.end(now, by, byName);
                audit.record(new AuditRecord("crisis.ended", "crisis", crisis.id().toString(),
                        Texts.abbreviate(crisis.reason(), 200), AuditDetails.of("paused", String.valueOf(pausedCount()))));
            }
            return active.get(0);
        });
        if (ended.membersIncluded()) {
            for (DelegationView member : delegations.received()) {
                SystemActor.actFor(member.communeId(), "crisis mode ended by the EPCI", () -> inTransaction(() -> {
                    for (Crisis crisis : crises.findByParentCrisisIdAndEndedAtIsNull(ended.id())) {
                        crisis.end(clock.instant(), by, byName);
                        audit.record(new AuditRecord("crisis.ended", "crisis", crisis.id().toString(),
                                Texts.abbreviate(crisis.reason(), 200), AuditDetails.of("by", crisis.parentName())));
                    }
                    return null;
                }));
            }
        }
        // this node's calls see the end at once (Publisher#call holds nothing back any more)
        state.changed();
        return inTransaction(() -> view(crises.findById(ended.id()).orElseThrow()));
    }

    // ---- Leaving: the paused posts ------------------------------------------------------------

    /**
     * Reschedules every paused post after the crisis: at its own time if still ahead, else at
     * {@code pastTime} ({@code null} = now). Returns how many were rescheduled; a post whose checks
     * fail now stays paused (to reschedule or cancel one by one).
     */
    @Transactional(propagation = Propagation.NEVER)
    public int resumeAll(Instant pastTime) {
        Actors.require(Permission.CRISIS_MANAGE);
        requireNoCrisis();
        Instant now = clock.instant();
        if (pastTime != null && pastTime.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("publishing.schedule.past", "at");
        }
        int resumed = 0;
        for (PostView post : pausedPosts()) {
            Instant at = post.scheduledAt() != null && post.scheduledAt().isAfter(now) ? post.scheduledAt()
                    : pastTime == null || pastTime.isBefore(now) ? now : pastTime;
            try {
                publishing.schedule(post.id(), at);
                resumed++;
            } catch (InvalidInputException | ConflictException e) {
                log.info("Paused post {} not resumed: {}", post.id(), e.getMessage());
            }
        }
        audit(() -> new AuditRecord("crisis.resumed", "crisis", null, null, AuditDetails.of("posts",
                String.valueOf(pausedCount()))));
        return resumed;
    }

    /** Gives one paused post a new time (after the crisis). */
    @Transactional(propagation = Propagation.NEVER)
    public PostView reschedule(UUID postId, @NotNull Instant at) {
        Actors.require(Permission.CRISIS_MANAGE);
        requireNoCrisis();
        requirePaused(postId);
        return publishing.schedule(postId, at);
    }

    /** Cancels one paused post. */
    @Transactional(propagation = Propagation.NEVER)
    public PostView cancel(UUID postId) {
        Actors.require(Permission.CRISIS_MANAGE);
        requirePaused(postId);
        return publishing.cancel(postId);
    }

    private void requirePaused(UUID postId) {
        PostView post = publishing.get(postId);
        if (post.status() != PostStatus.PAUSED || !post.pausedByCrisis()) {
            throw new ConflictException("crisis.post.notPaused", null);
        }
    }

    private void requireNoCrisis() {
        if (inTransaction(crises::existsByEndedAtIsNull)) {
            throw new ConflictException("crisis.stillActive", null);
        }
    }

    // ---- Alert templates ----------------------------------------------------------------------

    public List<AlertTemplateView> templates() {
        Map<String, AlertTemplate> own = new HashMap<>();
        templates.findAllByOrderByCodeAsc().forEach(t -> own.put(t.code(), t));
        return AlertTemplatesCatalog.SHIPPED.values().stream().map(s -> view(s, own.get(s.code()))).toList();
    }

    public AlertTemplateView template(String code) {
        AlertTemplatesCatalog.Shipped shipped = AlertTemplatesCatalog.shipped(code)
                .orElseThrow(() -> new NotFoundException("crisis.template.notFound"));
        return view(shipped, templates.findByCode(code).orElse(null));
    }

    /** Saves the collectivité's copy of a template; whoever saves it pre-approves its text. */
    @Transactional
    public AlertTemplateView editTemplate(@NotNull @Size(max = 40) String code, @Size(max = 120) String title,
            @Size(max = 2000) String body) {
        Actors.require(Permission.CRISIS_MANAGE);
        ParvisAuthentication agent = Actors.requireAgent();
        AlertTemplatesCatalog.shipped(code).orElseThrow(() -> new NotFoundException("crisis.template.notFound"));
        String cleanTitle = Texts.clean(title);
        String cleanBody = Texts.clean(body);
        if (cleanTitle == null || cleanTitle.isBlank()) {
            throw new InvalidInputException("crisis.template.title.required", "title");
        }
        if (cleanBody == null || cleanBody.isBlank()) {
            throw new InvalidInputException("crisis.template.body.required", "body");
        }
        List<String> unknown = AlertTemplatesCatalog.unknown(cleanBody);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("crisis.template.unknownPlaceholder", "body", "{" + unknown.get(0) + "}");
        }
        AlertTemplate template = templates.findByCode(code).orElseGet(() -> new AlertTemplate(code));
        template.change(cleanTitle.strip(), cleanBody.strip(), agent.userId().value(), agent.getPrincipal().displayName(),
                clock.instant());
        templates.save(template);
        audit.record(new AuditRecord("crisis.template.updated", "alertTemplate", code, cleanTitle, null));
        return template(code);
    }

    /**
     * Publishes an alert at once on the chosen accounts, bypassing the approval circuit (the text
     * was pre-approved with the template); audited, with a {@code BYPASSED} decision in the post's
     * history.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PostView publishAlert(@Valid @NotNull AlertCommand command) {
        Actors.require(Permission.CRISIS_MANAGE);
        AlertTemplateView template = inTransaction(() -> template(command.templateCode()));
        Map<String, String> values = new HashMap<>();
        for (String placeholder : template.placeholders()) {
            String value = Texts.clean(command.values().get(placeholder));
            if ((value == null || value.isBlank()) && placeholder.equals("commune")) {
                value = collectivites.current().name();
            }
            if (value == null || value.isBlank()) {
                if (!placeholder.equals("details")) {
                    throw new InvalidInputException("crisis.alert.valueRequired", "values", "{" + placeholder + "}");
                }
                value = "";
            }
            if (value.length() > AlertTemplatesCatalog.MAX_VALUE) {
                throw new InvalidInputException("crisis.alert.valueTooLong", "values", "{" + placeholder + "}",
                        AlertTemplatesCatalog.MAX_VALUE);
            }
            values.put(placeholder, value.strip());
        }
        String text = AlertTemplatesCatalog.fill(template.body(), values);
        PostCommand post = new PostCommand(template.title(), text, null, null, false, null, command.accountIds()
                .stream().distinct().map(id -> new PostCommand.VariantCommand(id, null, null, List.of())).toList());
        return inTransaction(() -> publishing.publishAlert(post, template.code()));
    }

    // ---- Internals ----------------------------------------------------------------------------

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private void audit(Supplier<AuditRecord> record) {
        inTransaction(() -> {
            audit.record(record.get());
            return null;
        });
    }

    private static AlertTemplateView view(AlertTemplatesCatalog.Shipped shipped, AlertTemplate own) {
        if (own == null) {
            return new AlertTemplateView(shipped.code(), shipped.title(), shipped.body(),
                    AlertTemplatesCatalog.placeholders(shipped.body()), true, null, null);
        }
        return new AlertTemplateView(own.code(), own.title(), own.body(), AlertTemplatesCatalog.placeholders(own.body()),
                false, own.approvedByName(), own.approvedAt());
    }

    static CrisisView view(Crisis crisis) {
        return new CrisisView(crisis.id(), crisis.startedAt(), crisis.startedByName(), crisis.reason(),
                crisis.endedAt(), crisis.endedByName(), crisis.membersIncluded(), crisis.pausedPosts(),
                crisis.parentName());
    }
}

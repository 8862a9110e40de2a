package fr.parvis.compliance;

import fr.parvis.compliance.domain.AuditEntries;
import fr.parvis.compliance.domain.AuditEntry;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.AccessVia;
import fr.parvis.territory.access.ActorSnapshot;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail: the API every module calls to record what an agent or the platform did, and
 * the search reserved to administrators.
 *
 * <p>{@link #record} joins the caller's transaction, so an action and its audit entry are
 * committed together or not at all.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEntries entries;
    private final CollectiviteManagement collectivites;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditTrail(AuditEntries entries, CollectiviteManagement collectivites, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.entries = entries;
        this.collectivites = collectivites;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Records an action of the current actor, in the current collectivité and transaction. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        save(currentActor(), record);
    }

    /**
     * Records an action in a given collectivité on behalf of a known actor, from outside any
     * transaction (asynchronous listeners, login handling).
     */
    @Transactional(propagation = Propagation.NEVER)
    public void recordFor(CollectiviteId collectiviteId, AuditActor actor, AuditRecord record) {
        SystemActor.actFor(collectiviteId, "audit", () -> {
            transaction.executeWithoutResult(status -> save(actor, record));
        });
    }

    /** Searches the trail of the current collectivité, most recent first. */
    public AuditPage search(@Valid AuditQuery query) {
        Actors.require(Permission.AUDIT_VIEW);
        ZoneId zone = ZoneId.of(collectivites.current().timeZone());
        Specification<AuditEntry> specification = (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (query.action() != null && !query.action().isBlank()) {
                predicates.add(builder.equal(root.get("action"), query.action().strip()));
            }
            if (query.actorUserId() != null) {
                predicates.add(builder.equal(root.get("actorUserId"), query.actorUserId()));
            }
            if (query.from() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("occurredAt"),
                        query.from().atStartOfDay(zone).toInstant()));
            }
            if (query.to() != null) {
                predicates.add(builder.lessThan(root.get("occurredAt"),
                        query.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            String text = Texts.clean(query.text());
            if (text != null) {
                String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("actorLabel")), pattern, '\\'),
                        builder.like(builder.lower(root.get("objectLabel")), pattern, '\\'),
                        builder.like(builder.lower(root.get("details")), pattern, '\\'),
                        builder.like(builder.lower(root.get("ipAddress")), pattern, '\\')));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
        Page<AuditEntry> page = entries.findAll(specification,
                PageRequest.of(query.page(), query.size(), Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
        return new AuditPage(page.getContent().stream().map(AuditTrail::view).toList(), query.page(), query.size(),
                page.getTotalElements());
    }

    public AuditEntryView get(UUID id) {
        Actors.require(Permission.AUDIT_VIEW);
        return entries.findById(id).map(AuditTrail::view).orElseThrow(() -> new NotFoundException("audit.notFound"));
    }

    /** The actor of the current request or task, as the trail names it. */
    public static AuditActor currentActor() {
        return AuditActor.of(ActorSnapshot.current());
    }

    private void save(AuditActor actor, AuditRecord record) {
        Tenancy.require();
        Optional<ParvisAuthentication> agent = Actors.currentAgent()
                .filter(a -> actor.userId() != null && actor.userId().equals(a.userId().value()));
        String via = agent.filter(a -> a.via() == AccessVia.DELEGATION).map(ParvisAuthentication::viaCollectiviteName)
                .orElse(null);
        String tokenName = agent.flatMap(ParvisAuthentication::tokenName).orElse(null);
        entries.save(new AuditEntry(clock.instant(), actor.userId(), Texts.abbreviate(actor.label(), 200),
                Texts.abbreviate(via, 150), actor.channel(), Texts.abbreviate(tokenName, 80),
                Texts.abbreviate(actor.ipAddress(), 45), record.action(), record.objectType(), record.objectId(),
                record.objectLabel(), record.details()));
    }

    private static AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.id(), e.occurredAt(), e.actorUserId(), e.actorLabel(), e.actorVia(), e.channel(),
                e.tokenName(), e.ipAddress(), e.action(), e.objectType(), e.objectId(), e.objectLabel(), e.details());
    }
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.ActorSnapshot;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.territory.domain.Collectivite;
import fr.parvis.territory.domain.Collectivites;
import fr.parvis.territory.domain.Delegation;
import fr.parvis.territory.domain.Delegations;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Delegations from a commune to the EPCI it belongs to: explicit (granted by the commune's
 * administrator, up to a role), revocable at any time, audited on both sides. Members of the EPCI
 * then find the commune in their collectivité switcher.
 */
@Service
@Validated
@Transactional(readOnly = true)
@CrossTenant("An EPCI reads the delegations its member communes gave it")
public class DelegationManagement {

    private final Delegations delegations;
    private final Collectivites collectivites;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    DelegationManagement(Delegations delegations, Collectivites collectivites, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.delegations = delegations;
        this.collectivites = collectivites;
        this.events = events;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Delegations given by the current collectivité, active and past. */
    public List<DelegationView> given() {
        Collectivite self = current();
        return delegations.findAllByOrderByCreatedAtDesc().stream()
                .map(d -> view(d, self, collectivites.findById(d.delegateId()).orElse(null)))
                .toList();
    }

    /** Active delegations received by the current collectivité (an EPCI) from its communes. */
    @Transactional(propagation = Propagation.NEVER)
    public List<DelegationView> received() {
        UUID epciId = Tenancy.require().value();
        return SystemActor.actAsRoot("delegations received by an EPCI", () -> readOnly.execute(status -> {
            Collectivite epci = collectivites.findById(epciId).orElseThrow();
            return delegations.findByDelegateIdAndRevokedAtIsNull(epciId).stream()
                    .map(d -> view(d, collectivites.findById(d.collectiviteId().value()).orElse(null), epci))
                    .filter(v -> v.communeName() != null)
                    .toList();
        }));
    }

    /** Delegates the current commune to its EPCI, up to {@code role}. */
    @Transactional
    public DelegationView grant(@Valid NewDelegation request) {
        Actors.require(Permission.DELEGATIONS_MANAGE);
        Collectivite commune = current();
        if (commune.parentId() == null) {
            throw new InvalidInputException("delegation.noParent", null);
        }
        Collectivite epci = collectivites.findById(commune.parentId()).orElseThrow();
        if (!epci.type().canReceiveDelegations()) {
            throw new InvalidInputException("delegation.parentNotEpci", null);
        }
        if (!Role.delegable().contains(request.role())) {
            throw new InvalidInputException("delegation.role.notDelegable", "role");
        }
        if (delegations.findFirstByDelegateIdAndRevokedAtIsNull(epci.id()).isPresent()) {
            throw new ConflictException("delegation.alreadyActive", null, epci.name());
        }
        UUID grantedBy = Actors.currentAgent().map(a -> a.userId().value()).orElse(null);
        Delegation delegation = delegations.saveAndFlush(new Delegation(epci.id(), request.role(), grantedBy));
        events.publishEvent(new DelegationGranted(commune.collectiviteId(), delegation.id(), epci.collectiviteId(),
                epci.name(), commune.name(), request.role(), ActorSnapshot.current()));
        return view(delegation, commune, epci);
    }

    /** Revokes a delegation given by the current commune; it is kept as history. */
    @Transactional
    public DelegationView revoke(UUID id) {
        Actors.require(Permission.DELEGATIONS_MANAGE);
        Collectivite commune = current();
        Delegation delegation = delegations.findById(id)
                .orElseThrow(() -> new NotFoundException("delegation.notFound"));
        Collectivite epci = collectivites.findById(delegation.delegateId()).orElse(null);
        if (delegation.active()) {
            delegation.revoke(Actors.currentAgent().map(a -> a.userId().value()).orElse(null), clock.instant());
            delegations.flush();
            events.publishEvent(new DelegationRevoked(commune.collectiviteId(), delegation.id(),
                    new CollectiviteId(delegation.delegateId()), epci == null ? null : epci.name(), commune.name(), ActorSnapshot.current()));
        }
        return view(delegation, commune, epci);
    }

    private Collectivite current() {
        return collectivites.findById(Tenancy.require().value()).orElseThrow();
    }

    private static DelegationView view(Delegation d, Collectivite commune, Collectivite epci) {
        return new DelegationView(d.id(), d.collectiviteId(), commune == null ? null : commune.name(),
                new CollectiviteId(d.delegateId()), epci == null ? null : epci.name(), d.role(), d.createdAt(),
                d.revokedAt());
    }
}

package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.domain.Collectivite;
import fr.parvis.territory.domain.Collectivites;
import fr.parvis.territory.domain.Delegation;
import fr.parvis.territory.domain.Delegations;
import fr.parvis.territory.domain.Membership;
import fr.parvis.territory.domain.Memberships;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides where an agent may act and with which role: their memberships, plus the communes that
 * delegated to an EPCI they belong to (with the delegated role, capped by their EPCI role).
 *
 * <p>Runs before a tenant is known, so it reads in the root scope — always for one given user.
 */
@Service
@CrossTenant("Resolves which collectivités a user may enter, before any tenant is chosen")
public class AccessManagement {

    private final Memberships memberships;
    private final Delegations delegations;
    private final Collectivites collectivites;
    private final UserAccounts accounts;
    private final TransactionTemplate readOnly;

    AccessManagement(Memberships memberships, Delegations delegations, Collectivites collectivites,
            UserAccounts accounts, PlatformTransactionManager transactionManager) {
        this.memberships = memberships;
        this.delegations = delegations;
        this.collectivites = collectivites;
        this.accounts = accounts;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The access of a user in one collectivité, if any. */
    public Optional<Access> resolve(UserId userId, CollectiviteId collectiviteId) {
        return inRoot(() -> resolveInRoot(userId.value(), collectiviteId.value()));
    }

    /** Every collectivité the user may enter, sorted by name. */
    public List<Access> accessible(UserId userId) {
        return inRoot(() -> accessibleInRoot(userId.value()));
    }

    /**
     * Where a user lands: the collectivité used last if still accessible, else the one where the
     * user is a member with the highest responsibility (memberships before delegations, then role,
     * then name). Empty when the account is disabled or belongs nowhere.
     */
    public Optional<Access> landing(UserId userId) {
        return inRoot(() -> {
            Optional<UserAccount> account = accounts.findById(userId.value()).filter(UserAccount::enabled);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            UUID last = account.get().lastCollectiviteId();
            if (last != null) {
                Optional<Access> previous = resolveInRoot(userId.value(), last);
                if (previous.isPresent()) {
                    return previous;
                }
            }
            return accessibleInRoot(userId.value()).stream().min(LANDING_ORDER);
        });
    }

    private static final Comparator<Access> LANDING_ORDER = Comparator.comparing(Access::via)
            .thenComparing(Access::role)
            .thenComparing(Access::collectiviteName, String.CASE_INSENSITIVE_ORDER);

    /**
     * The state to keep for an ongoing session: the same collectivité if still allowed, else the
     * landing one; empty when the account was disabled or lost every access.
     */
    public Optional<SessionState> refresh(UserId userId, CollectiviteId current) {
        return inRoot(() -> {
            Optional<UserAccount> account = accounts.findById(userId.value()).filter(UserAccount::enabled);
            if (account.isEmpty()) {
                return Optional.<SessionState>empty();
            }
            return resolveInRoot(userId.value(), current.value())
                    .or(() -> accessibleInRoot(userId.value()).stream().findFirst())
                    .map(access -> new SessionState(access, account.get().email(), account.get().displayName(),
                            account.get().mustChangePassword()));
        });
    }

    /** The collectivités where the user is a member (not through delegation). */
    public List<CollectiviteId> memberOf(UserId userId) {
        return inRoot(() -> memberships.findAllByUserId(userId.value()).stream()
                .map(Membership::collectiviteId)
                .toList());
    }

    private Optional<Access> resolveInRoot(UUID userId, UUID collectiviteId) {
        Optional<Collectivite> collectivite = collectivites.findById(collectiviteId);
        if (collectivite.isEmpty()) {
            return Optional.empty();
        }
        Optional<Membership> membership = memberships.findByUserIdAndCollectiviteId(userId, collectiviteId);
        if (membership.isPresent()) {
            return Optional.of(new Access(collectivite.get().collectiviteId(), collectivite.get().name(),
                    membership.get().role(), AccessVia.MEMBERSHIP, null));
        }
        UUID parentId = collectivite.get().parentId();
        if (parentId == null) {
            return Optional.empty();
        }
        return delegations.findFirstByCollectiviteIdAndDelegateIdAndRevokedAtIsNull(collectiviteId, parentId)
                .flatMap(delegation -> memberships.findByUserIdAndCollectiviteId(userId, parentId)
                        .filter(epciMembership -> epciMembership.role().actsThroughDelegation())
                        .map(epciMembership -> new Access(collectivite.get().collectiviteId(), collectivite.get().name(),
                                delegation.role().capTo(epciMembership.role()), AccessVia.DELEGATION,
                                collectivites.findById(parentId).map(Collectivite::name).orElse(null))));
    }

    private List<Access> accessibleInRoot(UUID userId) {
        Map<UUID, Access> byCollectivite = new LinkedHashMap<>();
        List<Membership> own = memberships.findAllByUserId(userId);
        Map<UUID, Collectivite> named = new LinkedHashMap<>();
        collectivites.findByIdInOrderByName(own.stream().map(m -> m.collectiviteId().value()).toList())
                .forEach(c -> named.put(c.id(), c));
        for (Membership membership : own) {
            Collectivite collectivite = named.get(membership.collectiviteId().value());
            if (collectivite != null) {
                byCollectivite.put(collectivite.id(), new Access(collectivite.collectiviteId(), collectivite.name(),
                        membership.role(), AccessVia.MEMBERSHIP, null));
            }
        }
        List<Access> delegated = new ArrayList<>();
        for (Membership membership : own) {
            Collectivite epci = named.get(membership.collectiviteId().value());
            if (epci == null || !membership.role().actsThroughDelegation()) {
                continue;
            }
            for (Delegation delegation : delegations.findByDelegateIdAndRevokedAtIsNull(epci.id())) {
                UUID communeId = delegation.collectiviteId().value();
                if (byCollectivite.containsKey(communeId)) {
                    continue;
                }
                collectivites.findById(communeId)
                        .filter(commune -> Objects.equals(commune.parentId(), epci.id()))
                        .ifPresent(commune -> delegated.add(new Access(commune.collectiviteId(), commune.name(),
                                delegation.role().capTo(membership.role()), AccessVia.DELEGATION, epci.name())));
            }
        }
        List<Access> all = new ArrayList<>(byCollectivite.values());
        all.addAll(delegated);
        all.sort(Comparator.comparing(Access::collectiviteName, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    private <T> T inRoot(Supplier<T> work) {
        return SystemActor.actAsRoot("access resolution", () -> readOnly.execute(status -> work.get()));
    }
}

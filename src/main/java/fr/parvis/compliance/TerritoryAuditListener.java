package fr.parvis.compliance;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.AccountLocked;
import fr.parvis.territory.AccountUnlocked;
import fr.parvis.territory.AgentLoggedIn;
import fr.parvis.territory.ApiTokenCreated;
import fr.parvis.territory.ApiTokenRevoked;
import fr.parvis.territory.CollectiviteCreated;
import fr.parvis.territory.CollectiviteLogoChanged;
import fr.parvis.territory.CollectiviteUpdated;
import fr.parvis.territory.DelegationGranted;
import fr.parvis.territory.DelegationRevoked;
import fr.parvis.territory.MemberAdded;
import fr.parvis.territory.MemberRemoved;
import fr.parvis.territory.MemberRoleChanged;
import fr.parvis.territory.MunicipalServiceActivationChanged;
import fr.parvis.territory.MunicipalServiceSaved;
import fr.parvis.territory.PasswordChanged;
import fr.parvis.territory.access.AccessManagement;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the territory module's events into audit entries. Details are {@code key=value} pairs
 * separated by {@code "; "} (language-neutral; the audit page translates them).
 *
 * <p>Entries of the collectivité where the action happens are written synchronously, in the
 * action's own transaction (no action without its entry). Entries owed to another collectivité
 * (the EPCI told of a delegation, the parent of a new member, every collectivité of a locked
 * account) are written after commit through the event publication registry, which retries them
 * after a crash.
 */
@Component
class TerritoryAuditListener {

    private final AuditTrail trail;
    private final AccessManagement access;

    TerritoryAuditListener(AuditTrail trail, AccessManagement access) {
        this.trail = trail;
        this.access = access;
    }

    @EventListener
    void on(CollectiviteCreated event) {
        trail.record(new AuditRecord("collectivite.created", "collectivite", event.collectiviteId().toString(),
                event.name(), AuditDetails.of("type", event.type().name())));
    }

    @Async
    @TransactionalEventListener
    void onCreatedForParent(CollectiviteCreated event) {
        if (event.parentId() != null) {
            trail.recordFor(event.parentId(), AuditActor.of(event.actor()), new AuditRecord("collectivite.attached",
                    "collectivite", event.collectiviteId().toString(), event.name(), AuditDetails.of("type", event.type().name())));
        }
    }

    @EventListener
    void on(CollectiviteUpdated event) {
        trail.record(new AuditRecord("collectivite.updated", "collectivite", event.collectiviteId().toString(),
                event.name(), AuditDetails.of("fields", event.changedFields().replace(", ", ","))));
    }

    @EventListener
    void on(CollectiviteLogoChanged event) {
        trail.record(new AuditRecord(event.removed() ? "collectivite.logo.removed" : "collectivite.logo.changed",
                "collectivite", event.collectiviteId().toString(), null, null));
    }

    @EventListener
    void on(MemberAdded event) {
        trail.record(new AuditRecord("member.added", "member", event.membershipId().toString(), event.email(),
                AuditDetails.of("role", event.role().name(), "account", event.newAccount() ? "new" : "existing")));
    }

    @EventListener
    void on(MemberRoleChanged event) {
        trail.record(new AuditRecord("member.roleChanged", "member", event.membershipId().toString(), event.email(),
                AuditDetails.of("from", event.previousRole().name(), "to", event.role().name())));
    }

    @EventListener
    void on(MemberRemoved event) {
        trail.record(new AuditRecord("member.removed", "member", event.membershipId().toString(), event.email(),
                AuditDetails.of("role", event.role().name())));
    }

    @EventListener
    void on(AccountUnlocked event) {
        trail.record(new AuditRecord("account.unlocked", "account", event.userId().toString(), event.email(), null));
    }

    @EventListener
    void on(PasswordChanged event) {
        trail.record(new AuditRecord("account.passwordChanged", "account", event.userId().toString(), event.email(),
                null));
    }

    @EventListener
    void on(AgentLoggedIn event) {
        trail.record(new AuditRecord("account.login", "account", event.userId().toString(), event.email(),
                AuditDetails.of("method", event.method())));
    }

    @Async
    @TransactionalEventListener
    void on(AccountLocked event) {
        AuditActor actor = new AuditActor(event.userId().value(), event.email(), "WEB", event.ipAddress());
        for (CollectiviteId collectivite : access.memberOf(event.userId())) {
            trail.recordFor(collectivite, actor, new AuditRecord("account.locked", "account",
                    event.userId().toString(), event.email(), AuditDetails.of("until", event.until().toString())));
        }
    }

    @EventListener
    void on(MunicipalServiceSaved event) {
        trail.record(new AuditRecord(event.created() ? "service.created" : "service.updated", "service",
                event.serviceId().toString(), event.name(), null));
    }

    @EventListener
    void on(MunicipalServiceActivationChanged event) {
        trail.record(new AuditRecord(event.active() ? "service.reactivated" : "service.deactivated", "service",
                event.serviceId().toString(), event.name(), null));
    }

    @EventListener
    void on(ApiTokenCreated event) {
        trail.record(new AuditRecord("token.created", "token", event.tokenId().toString(), event.name(),
                AuditDetails.of("role", event.role().name(), "expires", event.expiresAt().toString())));
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        trail.record(new AuditRecord("token.revoked", "token", event.tokenId().toString(), event.name(), null));
    }

    @EventListener
    void on(DelegationGranted event) {
        trail.record(new AuditRecord("delegation.granted", "delegation", event.delegationId().toString(),
                event.delegateName(), AuditDetails.of("role", event.role().name())));
    }

    @Async
    @TransactionalEventListener
    void onGrantedForDelegate(DelegationGranted event) {
        trail.recordFor(event.delegateId(), AuditActor.of(event.actor()), new AuditRecord("delegation.received",
                "delegation", event.delegationId().toString(), event.communeName(), AuditDetails.of("role", event.role().name())));
    }

    @EventListener
    void on(DelegationRevoked event) {
        trail.record(new AuditRecord("delegation.revoked", "delegation", event.delegationId().toString(),
                event.delegateName(), null));
    }

    @Async
    @TransactionalEventListener
    void onRevokedForDelegate(DelegationRevoked event) {
        trail.recordFor(event.delegateId(), AuditActor.of(event.actor()), new AuditRecord("delegation.lost",
                "delegation", event.delegationId().toString(), event.communeName(), null));
    }
}

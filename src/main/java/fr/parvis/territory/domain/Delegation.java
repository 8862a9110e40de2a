package fr.parvis.territory.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import fr.parvis.territory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A commune's explicit, revocable permission for its EPCI to act for it, up to a role. Belongs to
 * the delegating commune; revoked delegations are kept as history.
 */
@Entity
@Table(name = "territory_delegation")
public class Delegation extends TenantScoped {

    @Column(name = "delegate_id", nullable = false, updatable = false)
    private UUID delegateId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30, updatable = false)
    private Role role;

    @Column(name = "granted_by", updatable = false)
    private UUID grantedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private UUID revokedBy;

    protected Delegation() {
    }

    public Delegation(UUID delegateId, Role role, UUID grantedBy) {
        this.delegateId = delegateId;
        this.role = role;
        this.grantedBy = grantedBy;
    }

    public UUID delegateId() {
        return delegateId;
    }

    public Role role() {
        return role;
    }

    public UUID grantedBy() {
        return grantedBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    public void revoke(UUID by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }
}

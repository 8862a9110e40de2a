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
 * A personal access token: scoped to one collectivité and one role, expiring, revocable. Only the
 * SHA-256 of the secret is stored; the secret is shown once at creation.
 */
@Entity
@Table(name = "territory_api_token")
public class ApiToken extends TenantScoped {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "name", nullable = false, length = 80)
    private String name;

    @Column(name = "token_prefix", nullable = false, length = 16, updatable = false)
    private String tokenPrefix;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true, updatable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30, updatable = false)
    private Role role;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private UUID revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    private String lastUsedIp;

    protected ApiToken() {
    }

    public ApiToken(UUID userId, String name, String tokenPrefix, String tokenHash, Role role, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash;
        this.role = role;
        this.expiresAt = expiresAt;
    }

    public UUID userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }

    public Role role() {
        return role;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public UUID revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedIp() {
        return lastUsedIp;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public void revoke(UUID by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    /** Records a use; returns false when the last recorded use is recent enough to skip the write. */
    public boolean recordUse(Instant now, String ip) {
        if (lastUsedAt != null && lastUsedAt.isAfter(now.minusSeconds(60)) && java.util.Objects.equals(ip, lastUsedIp)) {
            return false;
        }
        lastUsedAt = now;
        lastUsedIp = ip;
        return true;
    }
}

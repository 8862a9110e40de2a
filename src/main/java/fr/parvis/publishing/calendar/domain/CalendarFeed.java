package fr.parvis.publishing.calendar.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The secret iCalendar address of an agent in one collectivité (only the SHA-256 of the secret is kept). */
@Entity
@Table(name = "publishing_calendar_feed")
public class CalendarFeed extends TenantScoped {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(UUID userId, String tokenHash) {
        this.userId = userId;
        this.tokenHash = tokenHash;
    }

    public UUID userId() {
        return userId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    /** Records a read, at most once a minute (calendar applications poll often). */
    public void used(Instant at) {
        if (lastUsedAt == null || Duration.between(lastUsedAt, at).toSeconds() >= 60) {
            lastUsedAt = at;
        }
    }
}

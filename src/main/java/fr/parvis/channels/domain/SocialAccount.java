package fr.parvis.channels.domain;

import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.calls.AccountChanges;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account of the collectivité on a social network, serving one community. */
@Entity
@Table(name = "channels_social_account")
@EntityListeners(AccountChanges.class)
public class SocialAccount extends TenantScoped {

    @Enumerated(EnumType.STRING)
    @Column(name = "network", nullable = false, length = 20, updatable = false)
    private Network network;

    @Column(name = "external_id", nullable = false, length = 255, updatable = false)
    private String externalId;

    @Column(name = "handle", nullable = false, length = 255)
    private String handle;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "avatar_url", length = 1000)
    private String avatarUrl;

    @Column(name = "profile_url", length = 1000)
    private String profileUrl;

    @Column(name = "base_url", length = 500)
    private String baseUrl;

    @Column(name = "community", length = 120)
    private String community;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private AccountStatus status;

    @Column(name = "status_reason", length = 100)
    private String statusReason;

    @Column(name = "connected_by")
    private UUID connectedBy;

    @Column(name = "followers")
    private Long followers;

    @Column(name = "interactions_cursor", length = 1000)
    private String interactionsCursor;

    @Column(name = "posts_cursor", length = 1000)
    private String postsCursor;

    @Column(name = "last_sync_at")
    private Instant lastSyncAt;

    @Column(name = "rate_limited_until")
    private Instant rateLimitedUntil;

    @Column(name = "reconnection_notified_at")
    private Instant reconnectionNotifiedAt;

    protected SocialAccount() {
    }

    public SocialAccount(Network network, String externalId, String handle, UUID connectedBy) {
        this.network = network;
        this.externalId = externalId;
        this.handle = handle;
        this.connectedBy = connectedBy;
        this.status = AccountStatus.CONNECTED;
    }

    public void describe(String handle, String displayName, String avatarUrl, String profileUrl, String baseUrl,
            Long followers) {
        this.handle = handle;
        this.displayName = displayName;
        this.avatarUrl = avatarUrl;
        this.profileUrl = profileUrl;
        this.baseUrl = baseUrl;
        if (followers != null) {
            this.followers = followers;
        }
    }

    public void serve(String community) {
        this.community = community;
    }

    /** Changes the status; returns true when it changed. */
    public boolean changeStatus(AccountStatus status, String reason) {
        boolean changed = this.status != status;
        this.status = status;
        this.statusReason = reason;
        if (status == AccountStatus.CONNECTED) {
            reconnectionNotifiedAt = null;
            rateLimitedUntil = null;
        }
        return changed;
    }

    /** Marks the reconnection as notified; returns false when the team was already told. */
    public boolean notifyReconnectionOnce(Instant now) {
        if (reconnectionNotifiedAt != null) {
            return false;
        }
        reconnectionNotifiedAt = now;
        return true;
    }

    public void rateLimitedUntil(Instant until) {
        this.rateLimitedUntil = until;
    }

    public void synced(Instant at, String postsCursor, String interactionsCursor, Long followers) {
        this.lastSyncAt = at;
        this.postsCursor = postsCursor;
        this.interactionsCursor = interactionsCursor;
        if (followers != null) {
            this.followers = followers;
        }
    }

    public Network network() {
        return network;
    }

    public String externalId() {
        return externalId;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String profileUrl() {
        return profileUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String community() {
        return community;
    }

    public AccountStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public UUID connectedBy() {
        return connectedBy;
    }

    public Long followers() {
        return followers;
    }

    public String interactionsCursor() {
        return interactionsCursor;
    }

    public String postsCursor() {
        return postsCursor;
    }

    public Instant lastSyncAt() {
        return lastSyncAt;
    }

    public Instant rateLimitedUntil() {
        return rateLimitedUntil;
    }

    public Instant reconnectionNotifiedAt() {
        return reconnectionNotifiedAt;
    }
}

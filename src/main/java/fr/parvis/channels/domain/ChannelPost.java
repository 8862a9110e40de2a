package fr.parvis.channels.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A post of one of our accounts, as it exists on the network (published by Parvis or elsewhere). */
@Entity
@Table(name = "channels_post")
public class ChannelPost extends TenantScoped {

    /** Where the post comes from. */
    public enum Origin {
        /** Published through Parvis. */
        PARVIS,
        /** Read from the network (published elsewhere, or before the account joined Parvis). */
        NETWORK
    }

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "external_id", nullable = false, length = 500, updatable = false)
    private String externalId;

    @Column(name = "url", length = 1000)
    private String url;

    @Column(name = "text", length = 10000)
    private String text;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 20, updatable = false)
    private Origin origin;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "reactions")
    private Long reactions;

    @Column(name = "comments")
    private Long comments;

    @Column(name = "shares")
    private Long shares;

    @Column(name = "metrics_at")
    private Instant metricsAt;

    protected ChannelPost() {
    }

    public ChannelPost(UUID accountId, String externalId, String url, String text, Instant publishedAt, Origin origin) {
        this.accountId = accountId;
        this.externalId = externalId;
        this.url = url;
        this.text = text;
        this.publishedAt = publishedAt;
        this.origin = origin;
    }

    public void measured(Long reactions, Long comments, Long shares, Instant at) {
        this.reactions = reactions;
        this.comments = comments;
        this.shares = shares;
        this.metricsAt = at;
    }

    public void deleted(Instant at) {
        if (deletedAt == null) {
            deletedAt = at;
        }
    }

    public UUID accountId() {
        return accountId;
    }

    public String externalId() {
        return externalId;
    }

    public String url() {
        return url;
    }

    public String text() {
        return text;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Origin origin() {
        return origin;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public Long reactions() {
        return reactions;
    }

    public Long comments() {
        return comments;
    }

    public Long shares() {
        return shares;
    }

    public Instant metricsAt() {
        return metricsAt;
    }
}

package fr.parvis.channels.sandbox.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A post of a Sandbox account, as the simulated network keeps it. */
@Entity
@Table(name = "sandbox_post")
public class SandboxPost extends TenantScoped {

    /** Where the post stands on the network. */
    public enum Status {
        SCHEDULED,
        PUBLISHED,
        CANCELLED,
        DELETED
    }

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "seq", nullable = false, updatable = false)
    private long seq;

    @Column(name = "external_id", nullable = false, length = 40, updatable = false)
    private String externalId;

    @Column(name = "text", length = 10000, updatable = false)
    private String text;

    @Column(name = "link", length = 1000, updatable = false)
    private String link;

    @Column(name = "reply_to", length = 40, updatable = false)
    private String replyTo;

    @Column(name = "images", length = 4000, updatable = false)
    private String images;

    @Column(name = "language", length = 20, updatable = false)
    private String language;

    @Column(name = "idempotency_key", length = 200, updatable = false)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected SandboxPost() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public SandboxPost(UUID accountId, long seq, String text, String link, String replyTo, String images,
            String language, String idempotencyKey) {
        this.accountId = accountId;
        this.seq = seq;
        this.externalId = externalId(seq);
        this.text = text;
        this.link = link;
        this.replyTo = replyTo;
        this.images = images;
        this.language = language;
        this.idempotencyKey = idempotencyKey;
        this.status = Status.PUBLISHED;
    }

    /** The network id of the post numbered {@code seq}. */
    public static String externalId(long seq) {
        return "p" + seq;
    }

    public void publish(Instant at) {
        status = Status.PUBLISHED;
        publishedAt = at;
    }

    public void schedule(Instant at) {
        status = Status.SCHEDULED;
        scheduledAt = at;
    }

    public void cancel() {
        status = Status.CANCELLED;
    }

    public void delete(Instant at) {
        status = Status.DELETED;
        deletedAt = at;
    }

    public UUID accountId() {
        return accountId;
    }

    public long seq() {
        return seq;
    }

    public String externalId() {
        return externalId;
    }

    public String text() {
        return text;
    }

    public String link() {
        return link;
    }

    public String replyTo() {
        return replyTo;
    }

    public String images() {
        return images;
    }

    public String language() {
        return language;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Status status() {
        return status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}

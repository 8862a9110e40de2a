package fr.parvis.channels.sandbox.domain;

import fr.parvis.channels.spi.InteractionType;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An interaction of the audience on the simulated network, with its moderation state there. */
@Entity
@Table(name = "sandbox_interaction")
public class SandboxInteraction extends TenantScoped {

    /** Who produced the interaction. */
    public enum Origin {
        /** The simulation. */
        SIMULATION,
        /** A person, through the audience API. */
        AUDIENCE
    }

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "seq", nullable = false, updatable = false)
    private long seq;

    @Column(name = "external_id", nullable = false, length = 40, updatable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 20, updatable = false)
    private InteractionType type;

    @Column(name = "category", length = 20, updatable = false)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 20, updatable = false)
    private Origin origin;

    @Column(name = "post_external_id", length = 40, updatable = false)
    private String postExternalId;

    @Column(name = "parent_id", length = 40, updatable = false)
    private String parentId;

    @Column(name = "author_handle", nullable = false, length = 60, updatable = false)
    private String authorHandle;

    @Column(name = "author_name", length = 200, updatable = false)
    private String authorName;

    @Column(name = "text", length = 2000, updatable = false)
    private String text;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "reported_at")
    private Instant reportedAt;

    protected SandboxInteraction() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public SandboxInteraction(UUID accountId, long seq, String externalId, InteractionType type, String category,
            Origin origin, String postExternalId, String parentId, String authorHandle, String authorName, String text,
            Instant occurredAt) {
        this.accountId = accountId;
        this.seq = seq;
        this.externalId = externalId;
        this.type = type;
        this.category = category;
        this.origin = origin;
        this.postExternalId = postExternalId;
        this.parentId = parentId;
        this.authorHandle = authorHandle;
        this.authorName = authorName;
        this.text = text;
        this.occurredAt = occurredAt;
    }

    public void hide(Instant at) {
        hiddenAt = at;
    }

    public void unhide() {
        hiddenAt = null;
    }

    public void delete(Instant at) {
        if (deletedAt == null) {
            deletedAt = at;
        }
    }

    public void report(Instant at) {
        if (reportedAt == null) {
            reportedAt = at;
        }
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

    public InteractionType type() {
        return type;
    }

    public String category() {
        return category;
    }

    public Origin origin() {
        return origin;
    }

    public String postExternalId() {
        return postExternalId;
    }

    public String parentId() {
        return parentId;
    }

    public String authorHandle() {
        return authorHandle;
    }

    public String authorName() {
        return authorName;
    }

    public String text() {
        return text;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant hiddenAt() {
        return hiddenAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}

package fr.parvis.channels.domain;

import fr.parvis.channels.spi.InteractionType;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An interaction received on one of our accounts, kept with its raw payload as evidence. Hidden or
 * deleted ones keep their record.
 */
@Entity
@Table(name = "channels_interaction")
public class ChannelInteraction extends TenantScoped {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "external_id", nullable = false, length = 500, updatable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 20, updatable = false)
    private InteractionType type;

    @Column(name = "post_external_id", length = 500, updatable = false)
    private String postExternalId;

    @Column(name = "parent_external_id", length = 500, updatable = false)
    private String parentExternalId;

    @Column(name = "author_external_id", length = 255, updatable = false)
    private String authorExternalId;

    @Column(name = "author_handle", length = 255, updatable = false)
    private String authorHandle;

    @Column(name = "author_name", length = 200, updatable = false)
    private String authorName;

    @Column(name = "text", length = 10000, updatable = false)
    private String text;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "url", length = 1000, updatable = false)
    private String url;

    @Column(name = "raw", length = 100000, updatable = false)
    private String raw;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ChannelInteraction() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ChannelInteraction(UUID accountId, String externalId, InteractionType type, String postExternalId,
            String parentExternalId, String authorExternalId, String authorHandle, String authorName, String text,
            Instant occurredAt, String url, String raw) {
        this.accountId = accountId;
        this.externalId = externalId;
        this.type = type;
        this.postExternalId = postExternalId;
        this.parentExternalId = parentExternalId;
        this.authorExternalId = authorExternalId;
        this.authorHandle = authorHandle;
        this.authorName = authorName;
        this.text = text;
        this.occurredAt = occurredAt;
        this.url = url;
        this.raw = raw;
    }

    public void hidden(Instant at) {
        hiddenAt = at;
    }

    public void unhidden() {
        hiddenAt = null;
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

    public InteractionType type() {
        return type;
    }

    public String postExternalId() {
        return postExternalId;
    }

    public String parentExternalId() {
        return parentExternalId;
    }

    public String authorExternalId() {
        return authorExternalId;
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

    public String url() {
        return url;
    }

    public String raw() {
        return raw;
    }

    public Instant hiddenAt() {
        return hiddenAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}

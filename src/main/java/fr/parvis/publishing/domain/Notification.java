package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An in-app notification to one member (a post to approve, changes requested, a failure). */
@Entity
@Table(name = "publishing_notification")
public class Notification extends TenantScoped {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "post_id", updatable = false)
    private UUID postId;

    @Column(name = "kind", nullable = false, length = 40, updatable = false)
    private String kind;

    @Column(name = "message_key", nullable = false, length = 100, updatable = false)
    private String messageKey;

    @Column(name = "arguments", length = 500, updatable = false)
    private String arguments;

    @Column(name = "notified_at", nullable = false, updatable = false)
    private Instant notifiedAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(UUID userId, UUID postId, String kind, String messageKey, String arguments,
            Instant notifiedAt) {
        this.userId = userId;
        this.postId = postId;
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.notifiedAt = notifiedAt;
    }

    public UUID userId() {
        return userId;
    }

    public UUID postId() {
        return postId;
    }

    public String kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public String arguments() {
        return arguments;
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}

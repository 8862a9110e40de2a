package fr.parvis.compliance.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One fact of the audit trail. Immutable in the application and protected by a database trigger
 * that rejects UPDATE and DELETE.
 */
@Entity
@Immutable
@Table(name = "compliance_audit_entry")
public class AuditEntry extends TenantScoped {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_user_id", updatable = false)
    private UUID actorUserId;

    @Column(name = "actor_label", nullable = false, length = 200, updatable = false)
    private String actorLabel;

    @Column(name = "actor_via", length = 150, updatable = false)
    private String actorVia;

    @Column(name = "channel", nullable = false, length = 10, updatable = false)
    private String channel;

    @Column(name = "token_name", length = 80, updatable = false)
    private String tokenName;

    @Column(name = "ip_address", length = 45, updatable = false)
    private String ipAddress;

    @Column(name = "action", nullable = false, length = 60, updatable = false)
    private String action;

    @Column(name = "object_type", length = 40, updatable = false)
    private String objectType;

    @Column(name = "object_id", length = 64, updatable = false)
    private String objectId;

    @Column(name = "object_label", length = 200, updatable = false)
    private String objectLabel;

    @Column(name = "details", length = 1000, updatable = false)
    private String details;

    protected AuditEntry() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public AuditEntry(Instant occurredAt, UUID actorUserId, String actorLabel, String actorVia, String channel,
            String tokenName, String ipAddress, String action, String objectType, String objectId, String objectLabel,
            String details) {
        this.occurredAt = occurredAt;
        this.actorUserId = actorUserId;
        this.actorLabel = actorLabel;
        this.actorVia = actorVia;
        this.channel = channel;
        this.tokenName = tokenName;
        this.ipAddress = ipAddress;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.objectLabel = objectLabel;
        this.details = details;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public UUID actorUserId() {
        return actorUserId;
    }

    public String actorLabel() {
        return actorLabel;
    }

    public String actorVia() {
        return actorVia;
    }

    public String channel() {
        return channel;
    }

    public String tokenName() {
        return tokenName;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String action() {
        return action;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String objectLabel() {
        return objectLabel;
    }

    public String details() {
        return details;
    }
}

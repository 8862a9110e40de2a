package fr.parvis.channels.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A fact of an account's life shown on its health page: a sync, an error, a refresh, a status change. */
@Entity
@Immutable
@Table(name = "channels_account_event")
public class AccountEvent extends TenantScoped {

    /** What kind of fact. */
    public enum Kind {
        CONNECTED, SYNC, ERROR, REFRESH, STATUS
    }

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20, updatable = false)
    private Kind kind;

    @Column(name = "operation", length = 40, updatable = false)
    private String operation;

    @Column(name = "message_key", length = 100, updatable = false)
    private String messageKey;

    @Column(name = "arguments", length = 500, updatable = false)
    private String arguments;

    @Column(name = "detail", length = 1000, updatable = false)
    private String detail;

    protected AccountEvent() {
    }

    public AccountEvent(UUID accountId, Instant occurredAt, Kind kind, String operation, String messageKey,
            String arguments, String detail) {
        this.accountId = accountId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.operation = operation;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.detail = detail;
    }

    public UUID accountId() {
        return accountId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Kind kind() {
        return kind;
    }

    public String operation() {
        return operation;
    }

    public String messageKey() {
        return messageKey;
    }

    public String arguments() {
        return arguments;
    }

    public String detail() {
        return detail;
    }
}

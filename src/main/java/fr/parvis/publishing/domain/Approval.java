package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One decision of the approval circuit, kept for good. */
@Entity
@Immutable
@Table(name = "publishing_approval")
public class Approval extends TenantScoped {

    /** What an approver decided. */
    public enum Decision {
        APPROVED, CHANGES_REQUESTED, EXPIRED, BYPASSED
    }

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "level", nullable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", nullable = false, length = 30)
    private Decision decision;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "user_name", length = 200)
    private String userName;

    @Column(name = "role", length = 40)
    private String role;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "comment", length = 2000)
    private String comment;

    protected Approval() {
    }

    public Approval(UUID postId, int level, Decision decision, UUID userId, String userName, String role,
            Instant decidedAt, String comment) {
        this.postId = postId;
        this.level = level;
        this.decision = decision;
        this.userId = userId;
        this.userName = userName;
        this.role = role;
        this.decidedAt = decidedAt;
        this.comment = comment;
    }

    public UUID postId() {
        return postId;
    }

    public int level() {
        return level;
    }

    public Decision decision() {
        return decision;
    }

    public UUID userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public String role() {
        return role;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String comment() {
        return comment;
    }
}

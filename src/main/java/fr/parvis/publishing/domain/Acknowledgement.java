package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A warning of the pre-publication checks that a person read and accepted, with who and when. */
@Entity
@Immutable
@Table(name = "publishing_acknowledgement")
public class Acknowledgement extends TenantScoped {

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "code", nullable = false, length = 200)
    private String code;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "user_name", length = 200)
    private String userName;

    @Column(name = "acknowledged_at", nullable = false)
    private Instant acknowledgedAt;

    protected Acknowledgement() {
    }

    public Acknowledgement(UUID postId, String code, UUID userId, String userName, Instant acknowledgedAt) {
        this.postId = postId;
        this.code = code;
        this.userId = userId;
        this.userName = userName;
        this.acknowledgedAt = acknowledgedAt;
    }

    public UUID postId() {
        return postId;
    }

    public String code() {
        return code;
    }

    public UUID userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}

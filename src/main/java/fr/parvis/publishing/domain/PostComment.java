package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A comment of the team on a post (draft discussion, reason of a request for changes). */
@Entity
@Immutable
@Table(name = "publishing_post_comment")
public class PostComment extends TenantScoped {

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "user_name", length = 200)
    private String userName;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "text", nullable = false, length = 2000)
    private String text;

    protected PostComment() {
    }

    public PostComment(UUID postId, UUID userId, String userName, Instant writtenAt, String text) {
        this.postId = postId;
        this.userId = userId;
        this.userName = userName;
        this.writtenAt = writtenAt;
        this.text = text;
    }

    public UUID postId() {
        return postId;
    }

    public UUID userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    public String text() {
        return text;
    }
}

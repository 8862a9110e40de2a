package fr.parvis.publishing.crisis.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One period of crisis mode in a collectivité: who started it, why, when it ended and by whom. A
 * crisis started by an EPCI "also for its member communes" leaves one row in each commune, with
 * the EPCI's crisis as parent.
 */
@Entity
@Table(name = "publishing_crisis")
public class Crisis extends TenantScoped {

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "started_by", updatable = false)
    private UUID startedBy;

    @Column(name = "started_by_name", length = 200, updatable = false)
    private String startedByName;

    @Column(name = "reason", nullable = false, length = 500, updatable = false)
    private String reason;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private UUID endedBy;

    @Column(name = "ended_by_name", length = 200)
    private String endedByName;

    @Column(name = "members_included", nullable = false, updatable = false)
    private boolean membersIncluded;

    @Column(name = "paused_posts", nullable = false)
    private int pausedPosts;

    @Column(name = "parent_crisis_id", updatable = false)
    private UUID parentCrisisId;

    @Column(name = "parent_name", length = 200, updatable = false)
    private String parentName;

    protected Crisis() {
    }

    public Crisis(Instant startedAt, UUID startedBy, String startedByName, String reason, boolean membersIncluded,
            UUID parentCrisisId, String parentName) {
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.startedByName = startedByName;
        this.reason = reason;
        this.membersIncluded = membersIncluded;
        this.parentCrisisId = parentCrisisId;
        this.parentName = parentName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public UUID startedBy() {
        return startedBy;
    }

    public String startedByName() {
        return startedByName;
    }

    public String reason() {
        return reason;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedByName() {
        return endedByName;
    }

    public boolean membersIncluded() {
        return membersIncluded;
    }

    public int pausedPosts() {
        return pausedPosts;
    }

    public void pausedPosts(int count) {
        this.pausedPosts = count;
    }

    public UUID parentCrisisId() {
        return parentCrisisId;
    }

    public String parentName() {
        return parentName;
    }

    public boolean active() {
        return endedAt == null;
    }

    public void end(Instant at, UUID by, String byName) {
        this.endedAt = at;
        this.endedBy = by;
        this.endedByName = byName;
    }
}

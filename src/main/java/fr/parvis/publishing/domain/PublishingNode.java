package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.CrossTenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Parvis process that publishes, and the last time it said it is alive. */
@Entity
@Table(name = "publishing_node")
@CrossTenant("A node publishes for every collectivité; its liveness belongs to none")
public class PublishingNode {

    @Id
    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected PublishingNode() {
    }

    public PublishingNode(String name, Instant startedAt) {
        this.name = name;
        this.startedAt = startedAt;
        this.lastSeen = startedAt;
    }

    public String name() {
        return name;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void seen(Instant at) {
        this.lastSeen = at;
    }
}

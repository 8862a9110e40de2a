package fr.parvis.channels.sandbox.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The followers of a Sandbox account on one day (the follower curve). */
@Entity
@Table(name = "sandbox_follower_sample")
public class SandboxFollowerSample extends TenantScoped {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "sample_day", nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "followers", nullable = false)
    private long followers;

    protected SandboxFollowerSample() {
    }

    public SandboxFollowerSample(UUID accountId, LocalDate day, long followers) {
        this.accountId = accountId;
        this.day = day;
        this.followers = followers;
    }

    public void followers(long followers) {
        this.followers = followers;
    }

    public UUID accountId() {
        return accountId;
    }

    public LocalDate day() {
        return day;
    }

    public long followers() {
        return followers;
    }
}

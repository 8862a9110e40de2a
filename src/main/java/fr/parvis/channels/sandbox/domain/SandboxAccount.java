package fr.parvis.channels.sandbox.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account of the simulated network (the network's own record, not Parvis's social account). */
@Entity
@Table(name = "sandbox_account")
public class SandboxAccount extends TenantScoped {

    @Column(name = "handle", nullable = false, length = 40, updatable = false)
    private String handle;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "theme", nullable = false, length = 20)
    private String theme;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "seed", nullable = false, updatable = false)
    private long seed;

    @Column(name = "base_followers", nullable = false)
    private long baseFollowers;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "simulated_until", nullable = false)
    private Instant simulatedUntil;

    @Column(name = "next_post_seq", nullable = false)
    private long nextPostSeq;

    @Column(name = "next_interaction_seq", nullable = false)
    private long nextInteractionSeq;

    protected SandboxAccount() {
    }

    public SandboxAccount(String handle, String displayName, String theme, String tokenHash, long seed,
            long baseFollowers, Instant openedAt) {
        this.handle = handle;
        this.displayName = displayName;
        this.theme = theme;
        this.tokenHash = tokenHash;
        this.seed = seed;
        this.baseFollowers = baseFollowers;
        this.openedAt = openedAt;
        this.simulatedUntil = openedAt;
        this.nextPostSeq = 1;
        this.nextInteractionSeq = 1;
    }

    /** A new token replaces the previous one (which stops working). */
    public void issueToken(String tokenHash, String displayName) {
        this.tokenHash = tokenHash;
        if (displayName != null) {
            this.displayName = displayName;
        }
    }

    public long takePostSeq() {
        return nextPostSeq++;
    }

    public long takeInteractionSeq() {
        return nextInteractionSeq++;
    }

    /** After a bulk insert of history: the next free numbers and how far the simulation went. */
    public void historyWritten(long nextPostSeq, long nextInteractionSeq, Instant simulatedUntil, Instant openedAt,
            long baseFollowers) {
        this.baseFollowers = baseFollowers;
        this.nextPostSeq = nextPostSeq;
        this.nextInteractionSeq = nextInteractionSeq;
        this.simulatedUntil = simulatedUntil;
        this.openedAt = openedAt;
    }

    public void simulatedUntil(Instant until) {
        this.simulatedUntil = until;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public String theme() {
        return theme;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public long seed() {
        return seed;
    }

    public long baseFollowers() {
        return baseFollowers;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant simulatedUntil() {
        return simulatedUntil;
    }

    public long nextPostSeq() {
        return nextPostSeq;
    }

    public long nextInteractionSeq() {
        return nextInteractionSeq;
    }
}

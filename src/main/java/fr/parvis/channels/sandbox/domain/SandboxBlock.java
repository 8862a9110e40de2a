package fr.parvis.channels.sandbox.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** An author a Sandbox account blocked: they can no longer interact with it. */
@Entity
@Table(name = "sandbox_block")
public class SandboxBlock extends TenantScoped {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "author_handle", nullable = false, length = 60, updatable = false)
    private String authorHandle;

    protected SandboxBlock() {
    }

    public SandboxBlock(UUID accountId, String authorHandle) {
        this.accountId = accountId;
        this.authorHandle = authorHandle;
    }

    public UUID accountId() {
        return accountId;
    }

    public String authorHandle() {
        return authorHandle;
    }
}

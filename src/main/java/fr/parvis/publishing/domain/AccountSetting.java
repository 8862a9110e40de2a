package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** Publishing settings of one social account: its own number of approval levels, native scheduling. */
@Entity
@Table(name = "publishing_account_setting")
public class AccountSetting extends TenantScoped {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "approval_levels")
    private Integer approvalLevels;

    @Column(name = "native_scheduling", nullable = false)
    private boolean nativeScheduling;

    protected AccountSetting() {
    }

    public AccountSetting(UUID accountId) {
        this.accountId = accountId;
    }

    public UUID accountId() {
        return accountId;
    }

    /** The account's own number of levels, or {@code null} for the collectivité's. */
    public Integer approvalLevels() {
        return approvalLevels;
    }

    public boolean nativeScheduling() {
        return nativeScheduling;
    }

    public void change(Integer approvalLevels, boolean nativeScheduling) {
        this.approvalLevels = approvalLevels;
        this.nativeScheduling = nativeScheduling;
    }
}

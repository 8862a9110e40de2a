package fr.parvis.territory.domain;

import fr.parvis.shared.UserId;
import fr.parvis.shared.persistence.AbstractEntity;
import fr.parvis.shared.tenancy.CrossTenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's account. One account may be a member of several collectivités. */
@Entity
@Table(name = "territory_user_account")
@CrossTenant("An agent may belong to several collectivités; accounts are reached through memberships or by login")
public class UserAccount extends AbstractEntity {

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254, unique = true)
    private String emailKey;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "locale", nullable = false, length = 5)
    private String locale;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "oidc_issuer", length = 255)
    private String oidcIssuer;

    @Column(name = "oidc_subject", length = 255)
    private String oidcSubject;

    @Column(name = "last_collectivite_id")
    private UUID lastCollectiviteId;

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, String locale) {
        this.email = email;
        this.emailKey = keyOf(email);
        this.displayName = displayName;
        this.locale = locale;
        this.enabled = true;
    }

    /** The comparison key of an e-mail address (case-insensitive). */
    public static String keyOf(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public UserId userId() {
        return new UserId(id());
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String locale() {
        return locale;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public String oidcIssuer() {
        return oidcIssuer;
    }

    public String oidcSubject() {
        return oidcSubject;
    }

    public UUID lastCollectiviteId() {
        return lastCollectiviteId;
    }

    public void setPassword(String hash, Instant now, boolean temporary) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
        this.mustChangePassword = temporary;
    }

    public void updateProfile(String displayName, String locale) {
        this.displayName = displayName;
        this.locale = locale;
    }

    /**
     * Counts a failed login. Returns true when this failure locks the account.
     */
    public boolean recordFailedLogin(Instant now, int maxAttempts, java.time.Duration lockDuration) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            failedAttempts = 0;
            lockedUntil = null;
        }
        failedAttempts++;
        if (failedAttempts >= maxAttempts && lockedUntil == null) {
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    public void recordSuccessfulLogin(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public void linkOidc(String issuer, String subject) {
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }

    public void rememberCollectivite(UUID collectiviteId) {
        this.lastCollectiviteId = collectiviteId;
    }
}

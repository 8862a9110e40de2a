package fr.parvis.channels.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The encrypted credentials of one account (AES-256-GCM, see the credential vault). */
@Entity
@Table(name = "channels_credential")
public class AccountCredential extends TenantScoped {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "key_id", nullable = false, length = 40)
    private String keyId;

    @Column(name = "nonce", nullable = false, columnDefinition = "bytea")
    private byte[] nonce;

    @Column(name = "ciphertext", nullable = false, columnDefinition = "bytea")
    private byte[] ciphertext;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected AccountCredential() {
    }

    public AccountCredential(UUID accountId) {
        this.accountId = accountId;
    }

    public void seal(String keyId, byte[] nonce, byte[] ciphertext, Instant expiresAt) {
        this.keyId = keyId;
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
        this.expiresAt = expiresAt;
    }

    public UUID accountId() {
        return accountId;
    }

    public String keyId() {
        return keyId;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

package fr.parvis.channels.vault;

import fr.parvis.channels.domain.AccountCredential;
import fr.parvis.channels.domain.AccountCredentials;
import fr.parvis.channels.spi.Credentials;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores account credentials encrypted at rest with AES-256-GCM: a fresh 96-bit nonce per
 * encryption, the account id as additional authenticated data (a ciphertext cannot be moved to
 * another account), the key id beside it (rotation: new credentials use the current key, old ones
 * stay readable with their key until {@link #rotate} re-encrypts them). Secrets never leave this
 * class except inside {@link Credentials}, whose {@code toString} hides them.
 */
@Component
public class CredentialVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final AccountCredentials credentials;
    private final VaultKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    CredentialVault(AccountCredentials credentials, VaultProperties properties) {
        this.credentials = credentials;
        this.keys = VaultKeys.from(properties);
    }

    /** Stores (or replaces) the credentials of an account, in the current transaction. */
    @Transactional
    public void store(UUID accountId, Credentials secrets) {
        AccountCredential credential = credentials.findByAccountId(accountId).orElseGet(() -> new AccountCredential(accountId));
        seal(credential, secrets);
        credentials.save(credential);
    }

    /** The credentials of an account of the current collectivité. */
    @Transactional(readOnly = true)
    public Optional<Credentials> load(UUID accountId) {
        return credentials.findByAccountId(accountId).map(this::open);
    }

    /** When the credentials of an account expire, if known. */
    @Transactional(readOnly = true)
    public Optional<Instant> expiry(UUID accountId) {
        return credentials.findByAccountId(accountId).map(AccountCredential::expiresAt);
    }

    /** Deletes the credentials of an account (disconnection). */
    @Transactional
    public void erase(UUID accountId) {
        credentials.findByAccountId(accountId).ifPresent(credentials::delete);
    }

    /** Re-encrypts with the current key a credential sealed with an older one; returns true if it did. */
    @Transactional
    public boolean rotate(AccountCredential credential) {
        if (credential.keyId().equals(keys.currentId())) {
            return false;
        }
        seal(credential, open(credential));
        credentials.save(credential);
        return true;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    private void seal(AccountCredential credential, Credentials secrets) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = json.writeValueAsBytes(toMap(secrets));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(credential.accountId()));
            credential.seal(keys.currentId(), nonce, cipher.doFinal(plaintext), secrets.expiresAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    private Credentials open(AccountCredential credential) {
        SecretKey key = keys.get(credential.keyId());
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, credential.nonce()));
            cipher.updateAAD(aad(credential.accountId()));
            plaintext = cipher.doFinal(credential.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Credentials of account " + credential.accountId()
                    + " cannot be decrypted (wrong key or tampered data)", e);
        }
        try {
            return fromMap(json.readValue(plaintext, Map.class));
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] aad(UUID accountId) {
        return ByteBuffer.allocate(16).putLong(accountId.getMostSignificantBits())
                .putLong(accountId.getLeastSignificantBits()).array();
    }

    private static Map<String, Object> toMap(Credentials secrets) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", secrets.accessToken());
        map.put("r", secrets.refreshToken());
        map.put("e", secrets.expiresAt() == null ? null : secrets.expiresAt().toEpochMilli());
        map.put("x", secrets.extra());
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Credentials fromMap(Map<?, ?> map) {
        Object expiry = map.get("e");
        return new Credentials((String) map.get("a"), (String) map.get("r"),
                expiry == null ? null : Instant.ofEpochMilli(((Number) expiry).longValue()),
                (Map<String, String>) map.get("x"));
    }
}

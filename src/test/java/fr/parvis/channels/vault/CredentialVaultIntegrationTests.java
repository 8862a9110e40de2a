package fr.parvis.channels.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.domain.AccountCredential;
import fr.parvis.channels.domain.AccountCredentials;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Network;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestDatabaseEnvironment;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** AES-256-GCM at rest, bound to the account, readable across key rotation, keys checked at start-up. */
@IntegrationTest
class CredentialVaultIntegrationTests {

    static final String NEW_KEY = "bmV3LXBhcnZpcy12YXVsdC1rZXktMzItYnl0ZXMhISE=";

    @Autowired
    TestTenants tenants;

    @Autowired
    CredentialVault vault;

    @Autowired
    AccountCredentials rows;

    @Autowired
    SocialAccounts accounts;

    @Autowired
    PlatformTransactionManager transactionManager;

    Tenant commune;
    UUID account;
    UUID other;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
        account = newAccount("a");
        other = newAccount("b");
    }

    @Test
    void roundTripsAndHidesSecrets() {
        Credentials secrets = new Credentials("jeton-tres-secret", "rafraichissement-secret",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Map.of("did", "did:plc:abc"));
        tenants.as(commune.admin(), () -> vault.store(account, secrets));
        assertThat(tenants.as(commune.admin(), () -> vault.load(account))).hasValue(secrets);
        AccountCredential row = tenants.as(commune.admin(), () -> rows.findByAccountId(account)).orElseThrow();
        assertThat(new String(row.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("jeton-tres-secret").doesNotContain("did:plc:abc");
        assertThat(row.keyId()).isEqualTo("test");
        assertThat(row.nonce()).hasSize(12);
        assertThat(secrets.toString()).doesNotContain("jeton-tres-secret").doesNotContain("rafraichissement-secret");
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        tenants.as(commune.admin(), () -> vault.store(account, Credentials.of("meme-jeton")));
        byte[] first = tenants.as(commune.admin(), () -> rows.findByAccountId(account)).orElseThrow().ciphertext();
        tenants.as(commune.admin(), () -> vault.store(account, Credentials.of("meme-jeton")));
        byte[] second = tenants.as(commune.admin(), () -> rows.findByAccountId(account)).orElseThrow().ciphertext();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aCiphertextMovedToAnotherAccountCannotBeRead() {
        tenants.as(commune.admin(), () -> vault.store(account, Credentials.of("jeton-de-a")));
        tenants.as(commune.admin(), () -> vault.store(other, Credentials.of("jeton-de-b")));
        tenants.as(commune.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            AccountCredential a = rows.findByAccountId(account).orElseThrow();
            AccountCredential b = rows.findByAccountId(other).orElseThrow();
            b.seal(a.keyId(), a.nonce(), a.ciphertext(), a.expiresAt());
        }));
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> vault.load(other)))
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void rotationReEncryptsWithTheNewKeyAndOldCredentialsStayReadable() {
        tenants.as(commune.admin(), () -> vault.store(account, Credentials.of("avant-rotation")));
        CredentialVault rotated = new CredentialVault(rows, new VaultProperties(
                "test:" + TestDatabaseEnvironment.TEST_VAULT_KEY + ",k2026:" + NEW_KEY, "k2026", "unused", false));
        assertThat(tenants.as(commune.admin(), () -> rotated.load(account)).orElseThrow().accessToken())
                .isEqualTo("avant-rotation");
        boolean done = tenants.as(commune.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                rotated.rotate(rows.findByAccountId(account).orElseThrow())));
        assertThat(done).isTrue();
        assertThat(tenants.as(commune.admin(), () -> rows.findByAccountId(account)).orElseThrow().keyId())
                .isEqualTo("k2026");
        assertThat(tenants.as(commune.admin(), () -> rotated.load(account)).orElseThrow().accessToken())
                .isEqualTo("avant-rotation");
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> vault.load(account)))
                .as("the old configuration no longer knows the new key").hasMessageContaining("unknown vault key 'k2026'");
    }

    @Test
    void keysAreCheckedAtStartUp(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> VaultKeys.from(new VaultProperties(null, null, dir.resolve("k").toString(), false)))
                .hasMessageContaining("PARVIS_VAULT_KEYS");
        assertThatThrownBy(() -> VaultKeys.from(new VaultProperties("k1:AAAA", "k1", "x", false)))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> VaultKeys.from(new VaultProperties("k1:" + NEW_KEY, "k2", "x", false)))
                .hasMessageContaining("not in parvis.vault.keys");
        assertThatThrownBy(() -> VaultKeys.from(new VaultProperties("sans-separateur", null, "x", false)))
                .hasMessageContaining("id:base64");
        Path file = dir.resolve("vault.key");
        VaultKeys generated = VaultKeys.from(new VaultProperties(null, null, file.toString(), true));
        assertThat(generated.currentId()).isEqualTo(VaultKeys.FILE_KEY_ID);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(VaultKeys.from(new VaultProperties(null, null, file.toString(), true)).current().getEncoded())
                .as("the same key is read back").isEqualTo(generated.current().getEncoded());
    }

    private UUID newAccount(String suffix) {
        return tenants.as(commune.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                accounts.save(new SocialAccount(Network.SANDBOX, "ext-" + suffix + UUID.randomUUID(), "h" + suffix, null))
                        .id()));
    }
}

package fr.parvis.channels.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys of the credential vault (see docs/operations.md, "Credential vault").
 *
 * @param keys {@code id:base64,id:base64} — AES-256 keys (32 bytes each) by id; old keys stay
 *     listed until rotation has re-encrypted everything
 * @param currentKey the id of the key that encrypts new credentials
 * @param keyFile where a single-node installation keeps a generated key when none is configured
 * @param allowKeyFile whether that generated key file may be used (off with the postgres profile:
 *     several nodes must share configured keys)
 */
@ConfigurationProperties("parvis.vault")
public record VaultProperties(String keys, String currentKey, @DefaultValue("./data/vault.key") String keyFile,
        @DefaultValue("true") boolean allowKeyFile) {
}

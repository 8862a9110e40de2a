package fr.parvis.channels.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 keys of the vault, by id, and the current one. */
final class VaultKeys {

    static final String FILE_KEY_ID = "file";

    private final Map<String, SecretKey> keys;
    private final String current;

    private VaultKeys(Map<String, SecretKey> keys, String current) {
        this.keys = Map.copyOf(keys);
        this.current = current;
    }

    static VaultKeys from(VaultProperties properties) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (properties.keys() != null && !properties.keys().isBlank()) {
            for (String entry : properties.keys().split(",")) {
                String[] parts = entry.strip().split(":", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalStateException("parvis.vault.keys must be 'id:base64,id:base64'");
                }
                keys.put(parts[0].strip(), key(parts[0].strip(), parts[1].strip()));
            }
            String current = properties.currentKey() == null || properties.currentKey().isBlank()
                    ? keys.keySet().iterator().next() : properties.currentKey().strip();
            if (!keys.containsKey(current)) {
                throw new IllegalStateException("parvis.vault.current-key '" + current + "' is not in parvis.vault.keys");
            }
            return new VaultKeys(keys, current);
        }
        if (!properties.allowKeyFile()) {
            throw new IllegalStateException("No credential vault key: set PARVIS_VAULT_KEYS (id:base64 of 32 random "
                    + "bytes, the same on every node), see docs/operations.md");
        }
        keys.put(FILE_KEY_ID, fileKey(Path.of(properties.keyFile())));
        return new VaultKeys(keys, FILE_KEY_ID);
    }

    String currentId() {
        return current;
    }

    SecretKey current() {
        return keys.get(current);
    }

    SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Credential sealed with unknown vault key '" + id
                    + "': keep old keys in PARVIS_VAULT_KEYS until rotation is done");
        }
        return key;
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Vault key '" + id + "' is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Vault key '" + id + "' must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's protection applies
                }
            }
            return key(FILE_KEY_ID, Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the vault key file " + file, e);
        }
    }
}

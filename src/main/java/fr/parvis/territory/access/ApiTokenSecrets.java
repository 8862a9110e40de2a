package fr.parvis.territory.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of personal access tokens: {@code pvs_} followed by 43 URL-safe characters (256 random
 * bits). Stored as SHA-256: a fast hash is enough for random secrets of this length.
 */
public final class ApiTokenSecrets {

    public static final String PREFIX = "pvs_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret must be printable ASCII, 20 to 200 characters (configured demo tokens included). */
    public static boolean looksLikeSecret(String secret) {
        return secret != null && secret.length() >= 20 && secret.length() <= 200
                && secret.chars().allMatch(c -> c > 32 && c < 127);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** What the interface shows of a token to recognise it: its first 12 characters. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(12, secret.length()));
    }
}

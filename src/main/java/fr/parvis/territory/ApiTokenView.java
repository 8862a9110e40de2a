package fr.parvis.territory;

import fr.parvis.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed (never its secret). */
public record ApiTokenView(UUID id, String name, String prefix, Role role, UserId ownerId, String ownerName,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lastUsedIp,
        TokenStatus status) {

    /** The state of a token, as shown in lists. */
    public enum TokenStatus {
        ACTIVE, EXPIRED, REVOKED
    }
}

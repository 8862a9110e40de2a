package fr.parvis.territory.api;

import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.ApiTokenView.TokenStatus;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed: never its secret. */
@Schema(name = "Token", description = "Un jeton d'accès personnel (jamais son secret)")
record TokenResponse(
        UUID id,
        String name,
        @Schema(description = "Début du secret, pour reconnaître le jeton") String prefix,
        Role role,
        UUID ownerId,
        String ownerName,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        TokenStatus status) {

    static TokenResponse of(ApiTokenView view) {
        return new TokenResponse(view.id(), view.name(), view.prefix(), view.role(), view.ownerId().value(),
                view.ownerName(), view.createdAt(), view.expiresAt(), view.revokedAt(), view.lastUsedAt(),
                view.lastUsedIp(), view.status());
    }
}

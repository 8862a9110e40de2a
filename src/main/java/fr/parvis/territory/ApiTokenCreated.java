package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A personal access token was created. */
public record ApiTokenCreated(CollectiviteId collectiviteId, java.util.UUID tokenId, String name, Role role, java.time.Instant expiresAt) {
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** A personal access token was revoked. */
public record ApiTokenRevoked(CollectiviteId collectiviteId, java.util.UUID tokenId, String name, UserId ownerId) {
}

package fr.parvis.channels;

import fr.parvis.channels.spi.InteractionType;
import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** A new interaction arrived on one of the collectivité's accounts (for the inbox). */
public record InteractionReceived(CollectiviteId collectiviteId, UUID accountId, UUID interactionId,
        InteractionType type) {
}

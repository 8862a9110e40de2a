package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** A post went out on one account. */
public record PostPublished(CollectiviteId collectivite, UUID postId, UUID variantId, UUID accountId,
        Network network, String externalId) implements PostEvents {
}

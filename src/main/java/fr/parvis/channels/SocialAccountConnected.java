package fr.parvis.channels;

import fr.parvis.channels.spi.Network;
import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** An account was connected (or reconnected) to a collectivité. */
public record SocialAccountConnected(CollectiviteId collectiviteId, UUID accountId, Network network, String handle,
        boolean reconnection) {
}

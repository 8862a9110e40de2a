package fr.parvis.channels;

import fr.parvis.channels.spi.Network;
import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** An account stopped working and needs its owner to reconnect it. Published once per failure. */
public record SocialAccountNeedsReconnection(CollectiviteId collectiviteId, UUID accountId, Network network,
        String handle, String reasonKey) {
}

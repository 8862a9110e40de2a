package fr.parvis.channels;

import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import java.util.UUID;

/**
 * A social account as a place to publish: its network's rules ({@code profile}, {@code null} when
 * the network's connector is not installed) and what it can do.
 */
public record PublishingTarget(UUID accountId, Network network, String handle, String displayName, String community,
        AccountStatus status, NetworkProfile profile, boolean canPublish, boolean nativeScheduling) {

    public boolean connected() {
        return status == AccountStatus.CONNECTED;
    }
}

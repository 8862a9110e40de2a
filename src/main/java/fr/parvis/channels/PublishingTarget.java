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

    /** "Bluesky @ville.bsky.social": the network's name as people write it and the handle. */
    public String label() {
        String name = switch (network) {
            case LINKEDIN -> "LinkedIn";
            case YOUTUBE -> "YouTube";
            case X -> "X";
            default -> network.name().charAt(0) + network.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        };
        return name + " " + (handle.startsWith("@") ? handle : "@" + handle);
    }

    /** Whether a thread (replies to the post, each answering the previous one) can be published here. */
    public boolean threads() {
        return profile != null && profile.replies() && network.threads();
    }

    public boolean connected() {
        return status == AccountStatus.CONNECTED;
    }
}

package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import java.util.UUID;

/**
 * The publishing settings of one social account.
 *
 * @param approvalLevels the account's own number of approval levels, {@code null} for the collectivité's
 * @param nativeSchedulingSupported whether the network can hold a scheduled post itself
 */
public record AccountPublishingSettingView(UUID accountId, Network network, String handle, String community,
        Integer approvalLevels, boolean nativeScheduling, boolean nativeSchedulingSupported) {
}

package fr.parvis.channels;

import fr.parvis.channels.spi.NetworkProfile;
import java.time.Instant;
import java.util.List;

/**
 * What the account's health page shows.
 *
 * @param tokenExpiresAt when the stored credentials expire, if known
 * @param refreshable whether Parvis renews them by itself
 * @param circuitState {@code CLOSED} (calls go through), {@code OPEN} (the network failed
 *     repeatedly: calls stop for a while) or {@code HALF_OPEN}
 * @param profile what the network allows (limits, capabilities); {@code null} if its connector is
 *     not installed
 */
public record AccountHealthView(SocialAccountView account, Instant tokenExpiresAt, boolean refreshable,
        String circuitState, List<AccountEventView> recentEvents, NetworkProfile profile, long posts,
        long interactions) {
}

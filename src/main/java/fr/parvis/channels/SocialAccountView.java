package fr.parvis.channels;

import fr.parvis.channels.spi.Network;
import java.time.Instant;
import java.util.UUID;

/** A social account of the current collectivité. */
public record SocialAccountView(UUID id, Network network, String externalId, String handle, String displayName,
        String avatarUrl, String profileUrl, String baseUrl, String community, AccountStatus status,
        String statusReason, Long followers, Instant lastSyncAt, Instant rateLimitedUntil, Instant connectedAt) {
}

package fr.parvis.channels.spi;

import java.time.Instant;

/**
 * Counters of one post at a moment; {@code null} where the network does not give the figure
 * (Mastodon and Bluesky have no impressions).
 */
public record PostMetrics(String postExternalId, Instant measuredAt, Long reactions, Long comments, Long shares,
        Long quotes, Long impressions, Long reach) {
}

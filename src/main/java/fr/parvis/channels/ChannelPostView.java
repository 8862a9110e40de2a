package fr.parvis.channels;

import java.time.Instant;
import java.util.UUID;

/** A post of one of our accounts. */
public record ChannelPostView(UUID id, UUID accountId, String externalId, String url, String text,
        Instant publishedAt, String origin, Long reactions, Long comments, Long shares, Instant deletedAt) {
}

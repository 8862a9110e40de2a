package fr.parvis.channels;

import fr.parvis.channels.spi.InteractionType;
import java.time.Instant;
import java.util.UUID;

/** An interaction received on one of our accounts. */
public record ChannelInteractionView(UUID id, UUID accountId, String externalId, InteractionType type,
        String postExternalId, String authorHandle, String authorName, String text, Instant occurredAt, String url,
        Instant hiddenAt, Instant deletedAt) {
}

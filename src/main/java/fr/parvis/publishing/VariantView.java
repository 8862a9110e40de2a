package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The post on one account: the text as it will go out (with the tagged link), its length as the
 * network counts it, and the state of its publication.
 */
public record VariantView(UUID id, UUID accountId, Network network, String handle, String ownText, String text,
        String firstComment, List<UUID> mediaIds, VariantState state, Instant dueAt, String externalId, String url,
        Instant publishedAt, String errorKey, List<String> errorArguments, int length, int maxLength,
        String resolvedBy) {

    public VariantView {
        mediaIds = List.copyOf(mediaIds);
        errorArguments = List.copyOf(errorArguments);
    }

    public boolean tooLong() {
        return maxLength > 0 && length > maxLength;
    }
}

package fr.parvis.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One part of a variant's thread: its text, its length as the network counts it, and the state of
 * its publication (the network's id and address once published).
 */
public record ThreadPartView(int number, String text, List<UUID> mediaIds, ThreadPartState state, int length,
        int maxLength, String externalId, String url, Instant publishedAt, String errorKey,
        List<String> errorArguments, String resolvedBy) {

    public ThreadPartView {
        mediaIds = List.copyOf(mediaIds);
        errorArguments = List.copyOf(errorArguments);
    }

    public boolean tooLong() {
        return maxLength > 0 && length > maxLength;
    }
}

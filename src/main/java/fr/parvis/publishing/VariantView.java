package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The post on one account: the text as it will go out (with the tagged link), its length as the
 * network counts it, the state of its publication, and its thread (parts published after it).
 */
public record VariantView(UUID id, UUID accountId, Network network, String handle, String ownText, String text,
        String firstComment, List<UUID> mediaIds, VariantState state, Instant dueAt, String externalId, String url,
        Instant publishedAt, String errorKey, List<String> errorArguments, int length, int maxLength,
        String resolvedBy, List<ThreadPartView> thread) {

    public VariantView {
        mediaIds = List.copyOf(mediaIds);
        errorArguments = List.copyOf(errorArguments);
        thread = thread == null ? List.of() : List.copyOf(thread);
    }

    /** How many parts of the thread are published. */
    public long threadPublished() {
        return thread.stream().filter(p -> p.state() == ThreadPartState.PUBLISHED).count();
    }

    public boolean tooLong() {
        return maxLength > 0 && length > maxLength;
    }
}

package fr.parvis.channels.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscribed source as the interface and the API show it.
 *
 * @param lastErrorKey message key of the last failure (null after a success)
 * @param lastErrorArguments its arguments
 * @param lastError the last failure in the current language (null after a success)
 */
public record FeedSourceView(UUID id, String url, String title, FeedKind kind, String label, FeedStatus status,
        Instant lastFetchAt, Instant lastSuccessAt, Instant nextFetchAt, String lastErrorKey,
        List<String> lastErrorArguments, String lastError, Instant lastErrorAt, int consecutiveFailures,
        int itemCount, Instant createdAt) {

    /** The title read from the feed, else the label, else the address. */
    public String displayName() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return label != null && !label.isBlank() ? label : url;
    }
}

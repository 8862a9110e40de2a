package fr.parvis.channels.feeds;

import java.time.Instant;
import java.util.UUID;

/** An item read from a source: plain text only (HTML removed), link limited to http(s). */
public record FeedItemView(UUID id, UUID sourceId, String guid, String link, String title, String summary,
        Instant publishedAt, String author, Instant fetchedAt) {
}

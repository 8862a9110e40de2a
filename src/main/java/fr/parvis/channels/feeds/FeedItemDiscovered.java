package fr.parvis.channels.feeds;

import fr.parvis.shared.CollectiviteId;
import java.time.Instant;
import java.util.UUID;

/**
 * Published once per new item of a source, inside the transaction that stores it (listeners with
 * {@code @ApplicationModuleListener} receive it after the commit). Enough to propose a draft post
 * without reading the item again.
 */
public record FeedItemDiscovered(CollectiviteId collectiviteId, UUID sourceId, UUID itemId, String sourceName,
        String title, String link, String summary, Instant publishedAt) {
}

package fr.parvis.channels.feeds.fetch;

import java.time.Instant;
import java.util.List;

/**
 * A feed read and cleaned: plain text, bounded fields, links limited to http(s).
 *
 * @param items the newest items, at most the configured number
 * @param totalItems how many items the document held
 * @param charset the character set the document was decoded with
 */
public record ParsedFeed(String title, List<Item> items, int totalItems, String charset) {

    /** An item; {@code guid} or {@code link} may be missing, not both (else a hash of the content is the key). */
    public record Item(String dedupKey, String guid, String link, String title, String summary, Instant publishedAt,
            String author) {
    }
}

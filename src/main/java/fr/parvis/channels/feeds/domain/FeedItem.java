package fr.parvis.channels.feeds.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An item read from a source, unique per source by its dedup key (guid, else link). */
@Entity
@Table(name = "channels_feed_item")
public class FeedItem extends TenantScoped {

    @Column(name = "source_id", nullable = false, updatable = false)
    private UUID sourceId;

    @Column(name = "dedup_key", nullable = false, length = 600, updatable = false)
    private String dedupKey;

    @Column(name = "guid", length = 1000)
    private String guid;

    @Column(name = "link", length = 2048)
    private String link;

    @Column(name = "title", length = 500)
    private String title;

    @Column(name = "summary", length = 2000)
    private String summary;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "author", length = 200)
    private String author;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    protected FeedItem() {
    }

    public FeedItem(UUID sourceId, String dedupKey, String guid, String link, String title, String summary,
            Instant publishedAt, String author, Instant fetchedAt) {
        this.sourceId = sourceId;
        this.dedupKey = dedupKey;
        this.guid = guid;
        this.link = link;
        this.title = title;
        this.summary = summary;
        this.publishedAt = publishedAt;
        this.author = author;
        this.fetchedAt = fetchedAt;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public String dedupKey() {
        return dedupKey;
    }

    public String guid() {
        return guid;
    }

    public String link() {
        return link;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String author() {
        return author;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }
}

package fr.parvis.channels.feeds.domain;

import fr.parvis.channels.feeds.FeedKind;
import fr.parvis.channels.feeds.FeedStatus;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An RSS/Atom source the collectivité subscribed, with the state of its readings. */
@Entity
@Table(name = "channels_feed_source")
public class FeedSource extends TenantScoped {

    @Column(name = "url", nullable = false, length = 2048, updatable = false)
    private String url;

    @Column(name = "title", length = 300)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private FeedKind kind;

    @Column(name = "label", length = 120)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private FeedStatus status;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "last_fetch_at")
    private Instant lastFetchAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "next_fetch_at")
    private Instant nextFetchAt;

    @Column(name = "etag", length = 500)
    private String etag;

    @Column(name = "last_modified", length = 100)
    private String lastModified;

    @Column(name = "last_error_key", length = 100)
    private String lastErrorKey;

    @Column(name = "last_error_arguments", length = 500)
    private String lastErrorArguments;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    protected FeedSource() {
    }

    public FeedSource(String url, FeedKind kind, String label, UUID createdBy, Instant firstFetchAt) {
        this.url = url;
        this.kind = kind;
        this.label = label;
        this.createdBy = createdBy;
        this.status = FeedStatus.ACTIVE;
        this.nextFetchAt = firstFetchAt;
    }

    public void describe(FeedKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    /** A reading succeeded (with new content or 304). */
    public void succeeded(Instant now, String title, String etag, String lastModified, int newItems,
            Instant nextFetchAt) {
        this.lastFetchAt = now;
        this.lastSuccessAt = now;
        if (title != null) {
            this.title = title;
        }
        this.etag = etag;
        this.lastModified = lastModified;
        this.itemCount += newItems;
        this.consecutiveFailures = 0;
        this.lastErrorKey = null;
        this.lastErrorArguments = null;
        if (status == FeedStatus.ERROR) {
            status = FeedStatus.ACTIVE;
        }
        this.nextFetchAt = nextFetchAt;
    }

    /** A reading failed: the source keeps its items and is read again after a growing delay. */
    public void failed(Instant now, String errorKey, String arguments, Duration interval, Duration maxBackoff) {
        this.lastFetchAt = now;
        this.lastErrorAt = now;
        this.lastErrorKey = errorKey;
        this.lastErrorArguments = arguments;
        this.consecutiveFailures++;
        if (status == FeedStatus.ACTIVE) {
            status = FeedStatus.ERROR;
        }
        this.nextFetchAt = now.plus(backoff(interval, maxBackoff, consecutiveFailures));
    }

    /** {@code interval × 2^(failures-1)}, at most {@code maxBackoff}. */
    public static Duration backoff(Duration interval, Duration maxBackoff, int failures) {
        Duration delay = interval;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    public void pause() {
        status = FeedStatus.PAUSED;
    }

    /** Back to regular readings, the next one right away. */
    public void resume(Instant now) {
        if (status == FeedStatus.PAUSED) {
            status = consecutiveFailures > 0 ? FeedStatus.ERROR : FeedStatus.ACTIVE;
            nextFetchAt = now;
        }
    }

    public String url() {
        return url;
    }

    public String title() {
        return title;
    }

    public FeedKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public FeedStatus status() {
        return status;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant lastFetchAt() {
        return lastFetchAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant nextFetchAt() {
        return nextFetchAt;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public String lastErrorKey() {
        return lastErrorKey;
    }

    public String lastErrorArguments() {
        return lastErrorArguments;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public int itemCount() {
        return itemCount;
    }
}

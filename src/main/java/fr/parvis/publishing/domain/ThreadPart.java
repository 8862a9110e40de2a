package fr.parvis.publishing.domain;

import fr.parvis.publishing.ThreadPartState;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One follow-up part of a variant's thread: published after the post, as a reply to the part
 * before it (the first part answers the post). Numbered from 1; its idempotency key on the network
 * is {@code <variant id>-part-<number>}. Its own state makes the thread exactly-once part by part.
 */
@Entity
@Table(name = "publishing_thread_part")
public class ThreadPart extends TenantScoped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "variant_id", nullable = false, updatable = false)
    private Variant variant;

    @Column(name = "part_number", nullable = false, updatable = false)
    private int number;

    @Column(name = "text", length = 10000)
    private String text;

    @Column(name = "media_ids", length = 400)
    private String mediaIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 30)
    private ThreadPartState state = ThreadPartState.PENDING;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "external_id", length = 600)
    private String externalId;

    @Column(name = "url", length = 2048)
    private String url;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "error_key", length = 100)
    private String errorKey;

    @Column(name = "error_arguments", length = 500)
    private String errorArguments;

    @Column(name = "resolved_by", length = 200)
    private String resolvedBy;

    /** What a part says: its text and its media of the library, in order. */
    public record Content(String text, List<UUID> mediaIds) {

        public Content {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        }
    }

    protected ThreadPart() {
    }

    ThreadPart(Variant variant, int number, String text, List<UUID> media) {
        this.variant = variant;
        this.number = number;
        content(text, media);
    }

    void content(String text, List<UUID> media) {
        this.text = text;
        this.mediaIds = MediaIdList.join(media);
    }

    /** Back to not sent (the post was edited before any publication). */
    void reset() {
        state = ThreadPartState.PENDING;
        claimedAt = null;
        claimedBy = null;
        externalId = null;
        url = null;
        publishedAt = null;
        errorKey = null;
        errorArguments = null;
        resolvedBy = null;
    }

    public Variant variant() {
        return variant;
    }

    public UUID variantId() {
        return variant.id();
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }

    public List<UUID> mediaIds() {
        return MediaIdList.parse(mediaIds);
    }

    public ThreadPartState state() {
        return state;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public String externalId() {
        return externalId;
    }

    public String url() {
        return url;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String errorKey() {
        return errorKey;
    }

    public String errorArguments() {
        return errorArguments;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    /** This node sends the part; only from {@link ThreadPartState#PENDING}. */
    public void claim(String node, Instant at) {
        if (state != ThreadPartState.PENDING) {
            throw new IllegalStateException("claim from " + state);
        }
        state = ThreadPartState.SENDING;
        claimedAt = at;
        claimedBy = node;
        resolvedBy = null;
    }

    public void published(String externalId, String url, Instant at, String resolvedBy) {
        state = ThreadPartState.PUBLISHED;
        this.externalId = externalId;
        this.url = url;
        this.publishedAt = at;
        if (resolvedBy != null) {
            this.resolvedBy = resolvedBy;
        }
        errorKey = null;
        errorArguments = null;
    }

    public void outcomeUnknown(String key, String arguments) {
        state = ThreadPartState.OUTCOME_UNKNOWN;
        errorKey = key;
        errorArguments = arguments;
    }

    public void failed(String key, String arguments) {
        state = ThreadPartState.FAILED;
        errorKey = key;
        errorArguments = arguments;
    }

    /** Not sent (rate limit, network unavailable before the call, proven absent): to send again. */
    public void pending(String key, String arguments) {
        state = ThreadPartState.PENDING;
        claimedAt = null;
        claimedBy = null;
        errorKey = key;
        errorArguments = arguments;
    }

    public void resolvedBy(String who) {
        this.resolvedBy = who;
    }
}

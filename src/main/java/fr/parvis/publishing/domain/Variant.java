package fr.parvis.publishing.domain;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.VariantState;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.CascadeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The post as it goes out on one account (its text, media, first comment or thread), and the state
 * of that publication: exactly one per (post, account), enforced by a unique key. Its id is the
 * idempotency key of the publication on the network. Its thread parts are saved and removed with it.
 */
@Entity
@Table(name = "publishing_variant")
public class Variant extends TenantScoped {

    @Column(name = "post_id", nullable = false, updatable = false)
    private UUID postId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "network", nullable = false, length = 20, updatable = false)
    private Network network;

    @Column(name = "text", length = 10000)
    private String text;

    @Column(name = "first_comment", length = 10000)
    private String firstComment;

    @Column(name = "media_ids", length = 400)
    private String mediaIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 30)
    private VariantState state = VariantState.DRAFT;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "native_id", length = 600)
    private String nativeId;

    @Column(name = "external_id", length = 600)
    private String externalId;

    @Column(name = "url", length = 2048)
    private String url;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "comment_external_id", length = 600)
    private String commentExternalId;

    @Column(name = "error_key", length = 100)
    private String errorKey;

    @Column(name = "error_arguments", length = 500)
    private String errorArguments;

    @Column(name = "resolved_by", length = 200)
    private String resolvedBy;

    @OneToMany(mappedBy = "variant", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number ASC")
    @org.hibernate.annotations.BatchSize(size = 50)
    private List<ThreadPart> thread = new ArrayList<>();

    protected Variant() {
    }

    public Variant(UUID postId, UUID accountId, Network network) {
        this.postId = postId;
        this.accountId = accountId;
        this.network = network;
    }

    public void content(String text, String firstComment, List<UUID> media) {
        this.text = text;
        this.firstComment = firstComment;
        this.mediaIds = MediaIdList.join(media);
    }

    /**
     * The thread's parts, in order. Parts are changed in place (the n-th part stays the n-th row),
     * extra ones removed, new ones added, and all go back to not sent: only while the post is editable.
     */
    public void thread(List<ThreadPart.Content> parts) {
        List<ThreadPart.Content> wanted = parts == null ? List.of() : parts;
        while (thread.size() > wanted.size()) {
            thread.remove(thread.size() - 1);
        }
        for (int i = 0; i < wanted.size(); i++) {
            ThreadPart.Content content = wanted.get(i);
            if (i < thread.size()) {
                thread.get(i).content(content.text(), content.mediaIds());
                thread.get(i).reset();
            } else {
                thread.add(new ThreadPart(this, i + 1, content.text(), content.mediaIds()));
            }
        }
    }

    /** The thread's parts in order (empty without a thread). */
    public List<ThreadPart> thread() {
        return Collections.unmodifiableList(thread);
    }

    public UUID postId() {
        return postId;
    }

    public UUID accountId() {
        return accountId;
    }

    public Network network() {
        return network;
    }

    public String text() {
        return text;
    }

    public String firstComment() {
        return firstComment;
    }

    public List<UUID> mediaIds() {
        return MediaIdList.parse(mediaIds);
    }

    public VariantState state() {
        return state;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public int attempts() {
        return attempts;
    }

    public String nativeId() {
        return nativeId;
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

    public String commentExternalId() {
        return commentExternalId;
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

    /** Back to draft (the post was edited or sent back): nothing scheduled any more. */
    public void draft() {
        state = VariantState.DRAFT;
        dueAt = null;
        nativeId = null;
        clearError();
    }

    public void schedule(Instant at) {
        state = VariantState.SCHEDULED;
        dueAt = at;
        clearError();
    }

    public void nativelyScheduled(String id) {
        state = VariantState.NATIVE_SCHEDULED;
        nativeId = id;
    }

    /** This node takes the publication; only from {@link VariantState#SCHEDULED}. */
    public void claim(String node, Instant at) {
        if (state != VariantState.SCHEDULED) {
            throw new IllegalStateException("claim from " + state);
        }
        state = VariantState.PUBLISHING;
        claimedAt = at;
        claimedBy = node;
        attempts++;
    }

    /** A claimed publication whose node is gone (or a timeout): read back before anything else. */
    public void outcomeUnknown(String key, String arguments) {
        state = VariantState.OUTCOME_UNKNOWN;
        errorKey = key;
        errorArguments = arguments;
    }

    public void published(String externalId, String url, Instant at, String resolvedBy) {
        state = VariantState.PUBLISHED;
        this.externalId = externalId;
        this.url = url;
        this.publishedAt = at;
        if (resolvedBy != null) {
            this.resolvedBy = resolvedBy;
        }
        clearError();
    }

    public void commentPublished(String externalId) {
        this.commentExternalId = externalId;
    }

    public void failed(String key, String arguments) {
        state = VariantState.FAILED;
        errorKey = key;
        errorArguments = arguments;
    }

    /** Not sent (rate limit, network unavailable before the call): waits for {@code at}. */
    public void postpone(Instant at, String key, String arguments) {
        state = VariantState.SCHEDULED;
        dueAt = at;
        errorKey = key;
        errorArguments = arguments;
    }

    public void cancel() {
        state = VariantState.CANCELLED;
    }

    public void pause() {
        state = VariantState.PAUSED;
    }

    public void resolvedBy(String who) {
        this.resolvedBy = who;
    }

    private void clearError() {
        errorKey = null;
        errorArguments = null;
    }
}

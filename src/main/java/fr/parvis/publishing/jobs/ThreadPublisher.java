package fr.parvis.publishing.jobs;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.Notification;
import fr.parvis.publishing.domain.Notifications;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.ThreadPart;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a published post on its account: the first comment, or the thread, part after part,
 * each part answering the one before it (the first answers the post), exactly once per part:
 * <ol>
 *   <li><b>claim</b> — with the post locked, the first part not published becomes {@code SENDING}
 *       with this node's name, only if the part before it is published (its network id is the
 *       reply target); a part another node is sending is left to it;</li>
 *   <li><b>call</b> — outside any transaction, with {@code <variant>-part-<n>} as idempotency key,
 *       never retried blindly;</li>
 *   <li><b>record</b> — the part's network id and address at once, before the next part: a crash
 *       loses at most the answer of the part under way.</li>
 * </ol>
 * A part claimed by a node that is gone (or for longer than any call) and a part whose call ended
 * without an answer are read back like posts ({@code Publishing.lookup} with the part's draft): found
 * → recorded; proven absent → sent; the network cannot tell → left for a person, the author is
 * told. A refused part stops the thread and the author is told. {@link ThreadJobs} continues the
 * threads left waiting (a node that died, a post found by read-back).
 */
@Component
public class ThreadPublisher {

    /** A part whose call ended without an answer is read back after this delay. */
    static final Duration READ_BACK_AFTER = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ThreadPublisher.class);

    private static final String SEPARATOR = "\u001f";

    private final Posts posts;
    private final Variants variants;
    private final Notifications notifications;
    private final ChannelPublishing channels;
    private final ObjectProvider<PublicationContent> contents;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final NodeHeartbeat heartbeat;
    private final Duration staleClaim;
    private final Duration maxCall;

    ThreadPublisher(Posts posts, Variants variants, Notifications notifications, ChannelPublishing channels,
            ObjectProvider<PublicationContent> contents, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager, NodeHeartbeat heartbeat, PublishingProperties properties) {
        this.posts = posts;
        this.variants = variants;
        this.notifications = notifications;
        this.channels = channels;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.heartbeat = heartbeat;
        this.staleClaim = properties.staleClaim();
        this.maxCall = properties.maxCall();
    }

    /** How a thread stands after a run. */
    public enum Progress {
        /** Every part is published (or there is no thread). */
        DONE,
        /** Another node is sending a part, or a part waits (rate limit, read back later, a person). */
        WAITING,
        /** A part was refused: the thread stops there. */
        FAILED,
        /** The variant is not published (nothing follows a post that is not out). */
        NOT_PUBLISHED
    }

    /**
     * Right after the post is published (by the caller, with the network's answer {@code main}):
     * its first comment, or its thread.
     */
    public Progress publish(UUID variantId, UUID accountId, PublishedPost main) {
        firstComment(variantId, accountId, main);
        return resume(variantId);
    }

    /** Continues the thread of a published variant from its first part not published. */
    public Progress resume(UUID variantId) {
        for (int guard = 0; guard < 4 * 26; guard++) {
            Object step = transaction.execute(status -> next(variantId));
            if (step instanceof Progress progress) {
                return progress;
            }
            if (step instanceof Send send) {
                if (!send(send)) {
                    return progressOf(variantId);
                }
            } else if (step instanceof ReadBack readBack) {
                if (!readBack(readBack)) {
                    return progressOf(variantId);
                }
            }
        }
        return Progress.WAITING;
    }

    /** A part to send now (claimed). */
    private record Send(UUID variantId, UUID accountId, int number, PostDraft draft) {
    }

    /** A part whose outcome is unknown, to look for on the network. */
    private record ReadBack(UUID variantId, UUID accountId, int number, PostDraft draft, Instant since) {
    }

    private Object next(UUID variantId) {
        Variant found = variants.findById(variantId).orElse(null);
        if (found == null) {
            return Progress.NOT_PUBLISHED;
        }
        Post post = posts.lock(found.postId()).orElse(null);
        Variant variant = variants.findById(variantId).orElse(null);
        if (post == null || variant == null || variant.state() != VariantState.PUBLISHED) {
            return Progress.NOT_PUBLISHED;
        }
        Instant now = clock.instant();
        String previous = variant.externalId();
        for (ThreadPart part : variant.thread()) {
            switch (part.state()) {
                case PUBLISHED -> {
                    previous = part.externalId();
                    continue;
                }
                case FAILED -> {
                    return Progress.FAILED;
                }
                case PENDING -> {
                    if (previous == null) {
                        // the post (or the part before) was settled by a person without its network id:
                        // nothing to answer to
                        part.failed("publishing.thread.parentUnknown", String.valueOf(part.number()));
                        failedPart(post, variant, part, "publishing.thread.parentUnknown");
                        return Progress.FAILED;
                    }
                    part.claim(heartbeat.name(), now);
                    return new Send(variant.id(), variant.accountId(), part.number(), draft(variant, part, previous));
                }
                case SENDING -> {
                    boolean nodeGone = part.claimedAt().isBefore(now.minus(staleClaim))
                            && !heartbeat.alive(part.claimedBy());
                    boolean tooLong = part.claimedAt().isBefore(now.minus(maxCall));
                    if (!nodeGone && !tooLong) {
                        return Progress.WAITING;
                    }
                    part.outcomeUnknown("publishing.outcome.nodeLost", part.claimedBy());
                    return new ReadBack(variant.id(), variant.accountId(), part.number(),
                            draft(variant, part, previous), part.claimedAt());
                }
                case OUTCOME_UNKNOWN -> {
                    if (part.resolvedBy() != null) {
                        return Progress.WAITING;
                    }
                    return new ReadBack(variant.id(), variant.accountId(), part.number(),
                            draft(variant, part, previous), part.claimedAt() != null ? part.claimedAt()
                                    : part.updatedAt());
                }
                default -> throw new IllegalStateException(part.state().name());
            }
        }
        return Progress.DONE;
    }

    private PostDraft draft(Variant variant, ThreadPart part, String replyTo) {
        var images = contents.orderedStream().flatMap(c -> c.images(variant, part.mediaIds()).stream()).toList();
        return new PostDraft(part.text() == null ? "" : part.text(), images, null, replyTo, "fr",
                key(variant.id(), part.number()));
    }

    /** The idempotency key of a part on the network. */
    public static String key(UUID variantId, int number) {
        return variantId + "-part-" + number;
    }

    /** Sends a claimed part; whether the thread may go on at once. */
    private boolean send(Send send) {
        PublishedPost published;
        try {
            published = channels.publish(send.accountId(), send.draft());
        } catch (ConnectorException e) {
            Kind kind = e.kind();
            if (kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE && "connector.circuitOpen".equals(e.messageKey())) {
                // nothing was sent: the part waits for the next round
                change(send.variantId(), send.number(), (post, variant, part) -> part.pending(e.messageKey(),
                        join(Arrays.asList(e.arguments()))));
                return false;
            }
            if (kind == Kind.OUTCOME_UNKNOWN || kind == Kind.UNAVAILABLE || kind == Kind.MALFORMED_RESPONSE) {
                change(send.variantId(), send.number(), (post, variant, part) -> part.outcomeUnknown(e.messageKey(),
                        join(Arrays.asList(e.arguments()))));
                return false;
            }
            change(send.variantId(), send.number(), (post, variant, part) -> {
                part.failed(e.messageKey(), join(Arrays.asList(e.arguments())));
                failedPart(post, variant, part, e.messageKey());
            });
            return false;
        } catch (DomainException e) {
            // refused before any call (account paused, disabled, removed)
            change(send.variantId(), send.number(), (post, variant, part) -> {
                part.failed(e.messageKey(), join(Arrays.asList(e.arguments())));
                failedPart(post, variant, part, e.messageKey());
            });
            return false;
        } catch (RuntimeException e) {
            log.warn("Part {} of the thread of variant {} ended without an answer: {}", send.number(),
                    send.variantId(), e.toString());
            change(send.variantId(), send.number(), (post, variant, part) -> part.outcomeUnknown(
                    "publishing.outcome.error", e.getClass().getSimpleName()));
            return false;
        }
        recordPublished(send.variantId(), send.number(), published, null);
        return true;
    }

    /** Looks for a part on the network; whether the thread may go on at once. */
    private boolean readBack(ReadBack readBack) {
        PublishLookup lookup;
        try {
            lookup = channels.lookup(readBack.accountId(), readBack.draft(), readBack.since().minusSeconds(5));
        } catch (ConnectorException | DomainException e) {
            log.info("Reading back part {} of variant {} failed: {}", readBack.number(), readBack.variantId(),
                    e.getMessage());
            return false;
        }
        if (lookup instanceof PublishLookup.Found found) {
            recordPublished(readBack.variantId(), readBack.number(), found.post(), "read-back");
            return true;
        }
        if (lookup instanceof PublishLookup.Absent) {
            log.info("Part {} of variant {} is absent from its network: sent again", readBack.number(),
                    readBack.variantId());
            change(readBack.variantId(), readBack.number(), (post, variant, part) -> {
                part.pending(null, null);
                part.resolvedBy("read-back: absent");
            });
            return true;
        }
        change(readBack.variantId(), readBack.number(), (post, variant, part) -> {
            if (part.state() == ThreadPartState.OUTCOME_UNKNOWN && part.resolvedBy() == null) {
                part.resolvedBy("read-back: unknown");
                notifyAuthor(post, "THREAD_UNKNOWN", "notification.threadPartUnknown");
            }
        });
        return false;
    }

    private void recordPublished(UUID variantId, int number, PublishedPost published, String resolvedBy) {
        change(variantId, number, (post, variant, part) -> {
            if (part.state() == ThreadPartState.PUBLISHED) {
                return;
            }
            part.published(published.externalId(), published.url() == null ? null : published.url().toString(),
                    published.publishedAt() == null ? clock.instant() : published.publishedAt(), resolvedBy);
            audit.record(new AuditRecord("publishing.thread.partPublished", "post", post.id().toString(),
                    Texts.abbreviate(post.title() != null ? post.title() : post.body(), 200),
                    AuditDetails.of("network", variant.network().name(), "part", String.valueOf(number), "externalId",
                            Texts.abbreviate(published.externalId(), 300), "readBack",
                            String.valueOf(resolvedBy != null))));
        });
    }

    private Progress progressOf(UUID variantId) {
        Object state = transaction.execute(status -> {
            Variant variant = variants.findById(variantId).orElse(null);
            if (variant == null || variant.state() != VariantState.PUBLISHED) {
                return Progress.NOT_PUBLISHED;
            }
            if (variant.thread().stream().anyMatch(p -> p.state() == ThreadPartState.FAILED)) {
                return Progress.FAILED;
            }
            return variant.thread().stream().allMatch(p -> p.state() == ThreadPartState.PUBLISHED) ? Progress.DONE
                    : Progress.WAITING;
        });
        return (Progress) state;
    }

    /**
     * The first comment (networks with replies but no threads, or a variant written that way through
     * the API): one reply to the post, sent once right after it; a failure is told to the author.
     */
    private void firstComment(UUID variantId, UUID accountId, PublishedPost main) {
        String comment = transaction.execute(status -> variants.findById(variantId)
                .filter(v -> v.commentExternalId() == null).map(Variant::firstComment).orElse(null));
        if (comment == null || comment.isBlank() || main == null) {
            return;
        }
        PostDraft reply = new PostDraft(comment, List.of(), null, main.externalId(), "fr", variantId + "-comment");
        try {
            PublishedPost published = channels.publish(accountId, reply);
            inVariant(variantId, (post, variant) -> variant.commentPublished(published.externalId()));
        } catch (RuntimeException e) {
            log.warn("First comment of variant {} not published: {}", variantId, e.toString());
            inVariant(variantId, (post, variant) -> notifyAuthor(post, "COMMENT_FAILED",
                    "notification.firstCommentFailed"));
        }
    }

    private void failedPart(Post post, Variant variant, ThreadPart part, String key) {
        audit.record(new AuditRecord("publishing.thread.partFailed", "post", post.id().toString(),
                Texts.abbreviate(post.title() != null ? post.title() : post.body(), 200),
                AuditDetails.of("network", variant.network().name(), "part", String.valueOf(part.number()), "reason",
                        key)));
        notifyAuthor(post, "THREAD_FAILED", "notification.threadPartFailed");
    }

    private void notifyAuthor(Post post, String kind, String key) {
        if (post.authorId() != null) {
            notifications.save(new Notification(post.authorId(), post.id(), kind, key,
                    Texts.abbreviate(post.title() != null ? post.title() : post.body(), 120), clock.instant()));
        }
    }

    private interface PartChange {
        void apply(Post post, Variant variant, ThreadPart part);
    }

    private interface VariantChange {
        void apply(Post post, Variant variant);
    }

    private void change(UUID variantId, int number, PartChange change) {
        inVariant(variantId, (post, variant) -> variant.thread().stream().filter(p -> p.number() == number)
                .findFirst().ifPresent(part -> change.apply(post, variant, part)));
    }

    private void inVariant(UUID variantId, VariantChange change) {
        transaction.executeWithoutResult(status -> {
            Variant found = variants.findById(variantId).orElseThrow();
            Post post = posts.lock(found.postId()).orElseThrow();
            Variant variant = variants.findById(variantId).orElseThrow();
            change.apply(post, variant);
        });
    }

    private static String join(List<?> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return null;
        }
        return Texts.abbreviate(arguments.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR)), 500);
    }
}

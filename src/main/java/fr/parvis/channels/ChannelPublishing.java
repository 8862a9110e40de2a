package fr.parvis.channels;

import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.calls.Connectors;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.NativeScheduling;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.Timeline;
import fr.parvis.shared.NotFoundException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing through the accounts of the current collectivité, for the publishing module: the
 * network's rules for a draft, the publication itself (never retried blindly: a timeout is
 * {@link Kind#OUTCOME_UNKNOWN}), reading a publication back when its outcome is unknown, and native
 * scheduling where the network has it. Every call goes through {@link AccountCalls} (account state,
 * credentials, rate limits, circuit breaker).
 */
@Service
@Transactional(readOnly = true)
public class ChannelPublishing {

    /** How many timeline pages a read-back scans at most. */
    private static final int LOOKUP_PAGES = 5;

    private final SocialAccounts accounts;
    private final Connectors connectors;
    private final AccountCalls calls;
    private final fr.parvis.channels.domain.ChannelPosts posts;

    ChannelPublishing(SocialAccounts accounts, Connectors connectors, AccountCalls calls,
            fr.parvis.channels.domain.ChannelPosts posts) {
        this.posts = posts;
        this.accounts = accounts;
        this.connectors = connectors;
        this.calls = calls;
    }

    /** The account as the composer shows it, with its network's limits; 404 when not visible. */
    public PublishingTarget target(UUID accountId) {
        SocialAccount account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account.notFound"));
        var connector = connectors.find(account.network());
        NetworkProfile profile = connector.map(c -> c.profile()).orElse(null);
        return new PublishingTarget(account.id(), account.network(), account.handle(), account.displayName(),
                account.community(), account.status(), profile,
                connector.flatMap(c -> c.publishing()).isPresent(),
                connector.flatMap(c -> c.scheduling()).isPresent());
    }

    /** The accounts of the collectivité that can publish, in a stable order. */
    public List<PublishingTarget> targets() {
        return accounts.findAll().stream()
                .filter(a -> a.status() != AccountStatus.DISABLED)
                .sorted(java.util.Comparator.comparing(SocialAccount::network).thenComparing(SocialAccount::handle))
                .map(a -> target(a.id()))
                .toList();
    }

    /**
     * How many posts the collectivité's accounts published from {@code from} (included) to {@code to} (excluded), as read from the
     * networks (including those made outside Parvis): the publication rhythm.
     */
    public long publishedBetween(Instant from, Instant to) {
        return posts.countByPublishedAtBetween(from, to);
    }

    /**
     * When the account was connected to Parvis and the oldest of its posts known (read from the
     * network, including those made before it joined Parvis; empty when none is known). 404 when not visible.
     */
    public AccountHistory history(UUID accountId) {
        SocialAccount account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account.notFound"));
        return new AccountHistory(account.createdAt(), posts.findFirstByAccountIdOrderByPublishedAtAsc(accountId)
                .map(fr.parvis.channels.domain.ChannelPost::publishedAt));
    }

    /** The age of an account: connection to Parvis and oldest post known on the network. */
    public record AccountHistory(Instant connectedAt, Optional<Instant> firstPostAt) {
    }

    /** What forbids publishing this draft on this account's network; empty when it can go. */
    public List<DraftProblem> check(UUID accountId, PostDraft draft) {
        PublishingTarget target = target(accountId);
        if (target.profile() == null) {
            return List.of(new DraftProblem("draft.networkUnavailable", "account", target.network().name()));
        }
        return target.profile().check(draft);
    }

    /**
     * Publishes now. Runs outside any transaction (it waits on the network). Never retried: a
     * timeout or a lost answer is a {@link ConnectorException} of kind {@link Kind#OUTCOME_UNKNOWN}.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PublishedPost publish(UUID accountId, PostDraft draft) {
        return calls.write(accountId, "publish", (connector, context) -> publishing(connector).publish(context, draft));
    }

    /**
     * Asks the network whether {@code draft} was published after {@code since}: by its idempotency
     * key where the network keeps one, else by the same text in the account's own recent posts (found
     * or unknown: a timeline never proves an absence).
     */
    @Transactional(propagation = Propagation.NEVER)
    public PublishLookup lookup(UUID accountId, PostDraft draft, Instant since) {
        return calls.read(accountId, "lookup", (connector, context) -> {
            PublishLookup byKey = publishing(connector).lookup(context, draft, since);
            if (!(byKey instanceof PublishLookup.Unknown unknown)) {
                return byKey;
            }
            Optional<Timeline> timeline = connector.timeline();
            if (timeline.isEmpty()) {
                return unknown;
            }
            String wanted = comparable(draft.text());
            Cursor cursor = Cursor.START;
            for (int page = 0; page < LOOKUP_PAGES; page++) {
                PostPage posts = timeline.get().posts(context, cursor);
                for (PublishedPost post : posts.items()) {
                    boolean recent = post.publishedAt() == null || !post.publishedAt().isBefore(since.minusSeconds(60));
                    if (recent && comparable(post.text()).equals(wanted)) {
                        return new PublishLookup.Found(post);
                    }
                }
                if (!posts.more() || posts.next() == null || posts.next().equals(cursor)) {
                    break;
                }
                cursor = posts.next();
            }
            return new PublishLookup.Unknown("not in the recent timeline");
        });
    }

    /** Whether the account's network publishes at a given time itself. */
    public boolean schedulesNatively(UUID accountId) {
        return target(accountId).nativeScheduling();
    }

    /** Schedules on the network; returns the network's id of the scheduled item. */
    @Transactional(propagation = Propagation.NEVER)
    public String scheduleNatively(UUID accountId, PostDraft draft, Instant at) {
        return calls.write(accountId, "schedule", (connector, context) -> nativeScheduling(connector).schedule(context,
                draft, at));
    }

    /** Cancels a native schedule; cancelling one the network no longer has is not an error. */
    @Transactional(propagation = Propagation.NEVER)
    public void cancelNative(UUID accountId, String scheduledExternalId) {
        calls.write(accountId, "cancel-schedule", (connector, context) -> {
            try {
                nativeScheduling(connector).cancel(context, scheduledExternalId);
            } catch (ConnectorException e) {
                if (e.kind() != Kind.NOT_FOUND) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Reads one of our posts back (a natively scheduled post after its time, for its address). */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<PublishedPost> read(UUID accountId, String externalId) {
        return calls.read(accountId, "read", (connector, context) -> publishing(connector).read(context, externalId));
    }

    private static Publishing publishing(fr.parvis.channels.spi.Connector connector) {
        return connector.publishing().orElseThrow(() -> ConnectorException.of(Kind.UNSUPPORTED,
                "connector.unsupported", connector.network().name()));
    }

    private static NativeScheduling nativeScheduling(fr.parvis.channels.spi.Connector connector) {
        return connector.scheduling().orElseThrow(() -> ConnectorException.of(Kind.UNSUPPORTED,
                "connector.unsupported", connector.network().name()));
    }

    /** Text as networks may give it back: Unicode NFC, spaces collapsed, trimmed. */
    static String comparable(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}

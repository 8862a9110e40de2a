package fr.parvis.channels;

import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.Author;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.CredentialRefresh;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Interactions;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.RateLimitState;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A programmable connector for the core tests (on {@link Network#YOUTUBE}, which has no real
 * connector yet): accounts live in memory, failures can be queued per operation, calls are counted.
 */
public class FakeConnector implements Connector {

    /** Secrets handed out, so tests can look for them in logs and in the database. */
    public static final String SECRET_PREFIX = "fake-secret-";

    private final Clock clock;
    private final Map<String, Deque<ConnectorException>> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<PublishedPost> posts = new ArrayList<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private volatile Duration tokenLifetime = Duration.ofHours(2);
    private volatile String validToken;
    private volatile RateLimitState budget;

    public FakeConnector(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code operation} call fails with {@code failure}. */
    public void failNext(String operation, ConnectorException failure) {
        failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(failure);
    }

    public void failAlways(String operation, ConnectorException failure, int times) {
        for (int i = 0; i < times; i++) {
            failNext(operation, failure);
        }
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** The call budget the fake network reports for every account (null: it reports none). */
    public void budget(RateLimitState budget) {
        this.budget = budget;
    }

    @Override
    public Optional<RateLimitState> rateLimitState(UUID accountId) {
        return Optional.ofNullable(budget);
    }

    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    public synchronized void networkPost(String id, String text) {
        posts.add(new PublishedPost(id, null, text, clock.instant()));
    }

    public synchronized void networkComment(String id, String postId, String text) {
        interactions.add(new Interaction(id, InteractionType.COMMENT, postId, postId,
                new Author("author-" + id, "habitant" + id, "Habitant " + id), text, clock.instant(), null,
                "{\"id\":\"" + id + "\"}"));
    }

    public void reset() {
        failures.clear();
        calls.clear();
        synchronized (this) {
            posts.clear();
            interactions.clear();
        }
        tokenLifetime = Duration.ofHours(2);
        budget = null;
    }

    private void enter(String operation, AccountContext account) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        Deque<ConnectorException> queue = failures.get(operation);
        ConnectorException failure = queue == null ? null : queue.poll();
        if (failure != null) {
            throw failure;
        }
        if (account != null && account.credentials().expiresAt() != null
                && !account.credentials().expiresAt().isAfter(clock.instant())) {
            throw ConnectorException.of(ConnectorException.Kind.AUTH_EXPIRED, "connector.authExpired");
        }
    }

    private Credentials issue() {
        validToken = SECRET_PREFIX + java.util.UUID.randomUUID();
        return new Credentials(validToken, SECRET_PREFIX + "refresh-" + java.util.UUID.randomUUID(),
                clock.instant().plus(tokenLifetime), Map.of("server", "fake"));
    }

    @Override
    public Network network() {
        return Network.YOUTUBE;
    }

    @Override
    public NetworkProfile profile() {
        return new NetworkProfile(Network.YOUTUBE, 500, TextCounter.CODE_POINTS, 1, 1_000_000, Set.of("image/png"),
                500, true, true, Set.of(InteractionType.COMMENT), Set.of(), null, "fake");
    }

    @Override
    public AccountInfo describe(AccountContext account) {
        enter("describe", account);
        return new AccountInfo(account.externalId(), account.handle(), "Fake", null, null, 10L);
    }

    @Override
    public ConnectFlow connectFlow() {
        return (ConnectFlow.OneClick) (handle, displayName) -> {
            enter("connect", null);
            return new ConnectedAccount(new AccountInfo("fake-" + handle, handle, displayName, null, null, 3L), null,
                    issue());
        };
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(new Publishing() {
            @Override
            public PublishedPost publish(AccountContext account, PostDraft draft) {
                enter("publish", account);
                PublishedPost post = new PublishedPost("post-" + java.util.UUID.randomUUID(), null, draft.text(),
                        clock.instant());
                synchronized (FakeConnector.this) {
                    posts.add(post);
                }
                return post;
            }

            @Override
            public Optional<PublishedPost> read(AccountContext account, String postExternalId) {
                enter("read", account);
                synchronized (FakeConnector.this) {
                    return posts.stream().filter(p -> p.externalId().equals(postExternalId)).findFirst();
                }
            }

            @Override
            public void delete(AccountContext account, String postExternalId) {
                enter("delete", account);
                synchronized (FakeConnector.this) {
                    posts.removeIf(p -> p.externalId().equals(postExternalId));
                }
            }
        });
    }

    @Override
    public Optional<Timeline> timeline() {
        return Optional.of((account, since) -> {
            enter("timeline", account);
            synchronized (this) {
                int from = since.atStart() ? 0 : Integer.parseInt(since.value());
                return new PostPage(posts.subList(Math.min(from, posts.size()), posts.size()),
                        new Cursor(String.valueOf(posts.size())), false);
            }
        });
    }

    @Override
    public Optional<Interactions> interactions() {
        return Optional.of((account, since) -> {
            enter("interactions", account);
            synchronized (this) {
                int from = since.atStart() ? 0 : Integer.parseInt(since.value());
                return new InteractionPage(interactions.subList(Math.min(from, interactions.size()),
                        interactions.size()), new Cursor(String.valueOf(interactions.size())), false);
            }
        });
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(new Metrics() {
            @Override
            public PostMetrics post(AccountContext account, String postExternalId) {
                enter("postMetrics", account);
                return new PostMetrics(postExternalId, clock.instant(), 0L, 0L, 0L, null, null, null);
            }

            @Override
            public AccountMetrics account(AccountContext account) {
                enter("accountMetrics", account);
                return new AccountMetrics(clock.instant(), 42L, null, null);
            }
        });
    }

    @Override
    public Optional<CredentialRefresh> refresh() {
        return Optional.of(new CredentialRefresh() {
            @Override
            public Duration refreshBefore() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Credentials refresh(AccountContext account) {
                calls.computeIfAbsent("refresh", k -> new AtomicInteger()).incrementAndGet();
                Deque<ConnectorException> queue = failures.get("refresh");
                ConnectorException failure = queue == null ? null : queue.poll();
                if (failure != null) {
                    throw failure;
                }
                return issue();
            }
        });
    }
}

package fr.parvis.channels.calls;

import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.ChannelsProperties;
import fr.parvis.channels.SocialAccountNeedsReconnection;
import fr.parvis.channels.domain.AccountEvent;
import fr.parvis.channels.domain.AccountEvents;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.CredentialRefresh;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.RateLimitState;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every call to a network for an account goes through here:
 * <ul>
 *   <li>the account must be connected, and not rate limited (until the time the network gave);</li>
 *   <li>credentials about to expire are refreshed first; an expired token is refreshed once and
 *       the call retried;</li>
 *   <li>reads are retried with exponential backoff on transient failures; writes never are (a
 *       timeout becomes "outcome unknown");</li>
 *   <li>a circuit breaker per network stops calls for a while after repeated failures;</li>
 *   <li>failures update the account: "reconnection needed" (the team is told once), "rate limited
 *       until…", and an entry in the account's activity log.</li>
 * </ul>
 * Calls run outside any transaction (they wait on the network); account state is written in short
 * transactions of the current collectivité.
 */
@Component
public class AccountCalls {

    private static final Logger log = LoggerFactory.getLogger(AccountCalls.class);

    private static final DateTimeFormatter RESET_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Connectors connectors;
    private final CredentialVault vault;
    private final SocialAccounts accounts;
    private final AccountEvents events;
    private final ApplicationEventPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate independent;
    private final Map<Network, CircuitBreaker> breakers = new EnumMap<>(Network.class);
    private final RetryConfig retryConfig;
    private final long reuseNanos;
    private final Map<SnapshotKey, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    AccountCalls(Connectors connectors, CredentialVault vault, SocialAccounts accounts, AccountEvents events,
            ApplicationEventPublisher publisher, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager, ChannelsProperties properties) {
        this.audit = audit;
        this.connectors = connectors;
        this.vault = vault;
        this.accounts = accounts;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.independent = new TransactionTemplate(transactionManager);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reuseNanos = properties.accountCache().toNanos();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .recordException(AccountCalls::transient_)
                .ignoreException(e -> !transient_(e))
                .build();
        for (Network network : Network.values()) {
            breakers.put(network, CircuitBreaker.of("network-" + network, breakerConfig));
        }
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBase(), 2.0))
                .retryOnException(e -> e instanceof ConnectorException c && c.kind() == Kind.UNAVAILABLE)
                .build();
    }

    /** An idempotent call (read): retried on transient failures. */
    public <T> T read(UUID accountId, String operation, BiFunction<Connector, AccountContext, T> call) {
        return call(accountId, operation, true, call);
    }

    /** A call that changes something on the network: never retried blindly. */
    public <T> T write(UUID accountId, String operation, BiFunction<Connector, AccountContext, T> call) {
        return call(accountId, operation, false, call);
    }

    /**
     * Lets calls to a network through again at once, without waiting for the breaker's delay (the
     * "try again now" action of the account page, after the team checked the network is back).
     */
    public void closeCircuit(Network network) {
        breakers.get(network).reset();
    }

    /** The state of the circuit breaker of a network ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}). */
    public String circuitState(Network network) {
        return breakers.get(network).getState().name();
    }

    private <T> T call(UUID accountId, String operation, boolean idempotent,
            BiFunction<Connector, AccountContext, T> call) {
        Prepared prepared = prepare(accountId);
        Connector connector = connectors.get(prepared.network());
        AccountContext context = refreshIfDue(accountId, connector, prepared.context(), operation);
        try {
            T result = guarded(prepared.network(), idempotent, () -> call.apply(connector, context));
            pauseIfBudgetSpent(accountId, operation, connector);
            return result;
        } catch (ConnectorException e) {
            if (e.kind() == Kind.AUTH_EXPIRED && connector.refresh().isPresent()) {
                AccountContext renewed = refresh(accountId, connector.refresh().get(), context, operation);
                try {
                    return guarded(prepared.network(), idempotent, () -> call.apply(connector, renewed));
                } catch (ConnectorException again) {
                    failed(accountId, operation, again);
                    throw again;
                }
            }
            failed(accountId, operation, e);
            throw e;
        }
    }

    private <T> T guarded(Network network, boolean idempotent, Supplier<T> call) {
        Supplier<T> breakerProtected = CircuitBreaker.decorateSupplier(breakers.get(network), call);
        Supplier<T> protectedCall = idempotent
                ? Retry.decorateSupplier(Retry.of("read-" + network, retryConfig), breakerProtected)
                : breakerProtected;
        try {
            return protectedCall.get();
        } catch (CallNotPermittedException e) {
            throw new ConnectorException(Kind.UNAVAILABLE, "connector.circuitOpen", null, e, network.name());
        }
    }

    private Prepared prepare(UUID accountId) {
        Snapshot account = snapshot(accountId);
        switch (account.status()) {
            case PAUSED -> throw new InvalidInputException("account.paused", null, account.handle());
            case DISABLED -> throw new InvalidInputException("account.disabled", null, account.handle());
            case RECONNECTION_NEEDED -> throw new ConnectorException(Kind.AUTH_REVOKED, "account.reconnectionNeeded",
                    null, null, account.handle());
            default -> {
            }
        }
        Instant now = clock.instant();
        if (account.rateLimitedUntil() != null && account.rateLimitedUntil().isAfter(now)) {
            throw new ConnectorException(Kind.RATE_LIMITED, "connector.rateLimited", account.rateLimitedUntil(), null);
        }
        if (account.context() == null) {
            throw new ConnectorException(Kind.AUTH_REVOKED, "account.reconnectionNeeded", null, null, account.handle());
        }
        return new Prepared(account.network(), account.context());
    }

    /**
     * What a call needs to know of the account, read in a short transaction of the current
     * collectivité, or reused for {@code parvis.channels.account-cache} (a burst of publications on
     * one account then reads it once). Reuse is per collectivité and account: a cached account is
     * never seen from another collectivité.
     */
    private Snapshot snapshot(UUID accountId) {
        SnapshotKey key = new SnapshotKey(Tenancy.current().orElse(null), accountId);
        if (reuseNanos > 0) {
            Snapshot cached = snapshots.get(key);
            if (cached != null && System.nanoTime() - cached.readAt() < reuseNanos) {
                return cached;
            }
        }
        long before = generation.get();
        Snapshot read = transaction.execute(status -> {
            SocialAccount account = accounts.findById(accountId)
                    .orElseThrow(() -> new NotFoundException("account.notFound"));
            AccountContext context = vault.load(accountId).map(credentials -> new AccountContext(account.id(),
                    account.externalId(), account.handle(), account.baseUrl() == null ? null
                            : URI.create(account.baseUrl()), credentials)).orElse(null);
            return new Snapshot(account.network(), account.status(), account.handle(), account.rateLimitedUntil(),
                    context, System.nanoTime());
        });
        // a change seen while reading (forget) may be missing from what was read: not kept then
        if (reuseNanos > 0 && generation.get() == before) {
            snapshots.put(key, read);
        }
        return read;
    }

    /**
     * Forgets what was read of an account: the next call reads it again. Called when the account
     * or its credentials change on this node.
     */
    public void forget(UUID accountId) {
        generation.incrementAndGet();
        snapshots.keySet().removeIf(key -> key.accountId().equals(accountId));
    }

    private AccountContext refreshIfDue(UUID accountId, Connector connector, AccountContext context, String operation) {
        Optional<CredentialRefresh> refresh = connector.refresh();
        Instant expiry = context.credentials().expiresAt();
        if (refresh.isEmpty() || expiry == null || expiry.minus(refresh.get().refreshBefore()).isAfter(clock.instant())) {
            return context;
        }
        return refresh(accountId, refresh.get(), context, operation);
    }

    /** Renews the credentials of an account now; a refusal marks the account for reconnection. */
    public AccountContext refresh(UUID accountId, CredentialRefresh refresh, AccountContext context, String operation) {
        Credentials renewed;
        try {
            renewed = refresh.refresh(context);
        } catch (ConnectorException e) {
            ConnectorException reason = e.needsReconnection() ? e
                    : e.kind() == Kind.UNAVAILABLE ? e
                    : new ConnectorException(Kind.AUTH_REVOKED, e.messageKey(), null, e, e.arguments());
            failed(accountId, "refresh", reason);
            throw reason;
        }
        transaction.executeWithoutResult(status -> {
            vault.store(accountId, renewed);
            events.save(new AccountEvent(accountId, clock.instant(), AccountEvent.Kind.REFRESH, operation,
                    "account.event.refreshed", null, null));
        });
        forget(accountId);
        return new AccountContext(context.accountId(), context.externalId(), context.handle(), context.baseUrl(),
                renewed);
    }

    /**
     * Honours the call budget the network announces in its headers: when none is left, the account
     * waits for the reset instead of spending calls on refusals.
     */
    private void pauseIfBudgetSpent(UUID accountId, String operation, Connector connector) {
        Instant now = clock.instant();
        Optional<RateLimitState> state = connector.rateLimitState(accountId).filter(r -> r.exhausted(now));
        if (state.isEmpty()) {
            return;
        }
        Instant until = state.get().resetAt();
        log.info("Account {} has no call left until {}: calls wait", accountId, until);
        independent.executeWithoutResult(status -> accounts.findById(accountId).ifPresent(account -> {
            if (account.rateLimitedUntil() == null || account.rateLimitedUntil().isBefore(until)) {
                account.rateLimitedUntil(until);
                events.save(new AccountEvent(accountId, now, AccountEvent.Kind.ERROR, operation,
                        "account.event.budgetSpent", RESET_TIME.format(until), Kind.RATE_LIMITED.name()));
            }
        }));
        forget(accountId);
    }

    /** Records a failure on the account, in its own transaction (it survives the caller's rollback). */
    void failed(UUID accountId, String operation, ConnectorException e) {
        log.info("Call {} for account {} failed: {} {}", operation, accountId, e.kind(), e.messageKey());
        independent.executeWithoutResult(status -> accounts.findById(accountId).ifPresent(account -> {
            Instant now = clock.instant();
            if (e.needsReconnection()) {
                boolean changed = account.changeStatus(AccountStatus.RECONNECTION_NEEDED, e.messageKey());
                if (changed) {
                    events.save(new AccountEvent(accountId, now, AccountEvent.Kind.STATUS, operation,
                            "account.event.reconnectionNeeded", null, null));
                }
                if (account.notifyReconnectionOnce(now)) {
                    audit.record(new AuditRecord("channels.account.reconnectionNeeded", "social-account",
                            accountId.toString(), account.network() + " " + account.handle(),
                            AuditDetails.of("reason", e.messageKey())));
                    publisher.publishEvent(new SocialAccountNeedsReconnection(Tenancy.require(), accountId,
                            account.network(), account.handle(), e.messageKey()));
                }
            }
            if (e.kind() == Kind.RATE_LIMITED) {
                account.rateLimitedUntil(e.retryAt() == null ? now.plus(Duration.ofMinutes(1)) : e.retryAt());
            }
            events.save(new AccountEvent(accountId, now, AccountEvent.Kind.ERROR, operation, e.messageKey(),
                    Texts.abbreviate(arguments(e), 500), e.kind().name()));
        }));
        forget(accountId);
    }

    private static String arguments(ConnectorException e) {
        Object[] arguments = e.arguments();
        if (e.kind() == Kind.RATE_LIMITED && e.retryAt() != null) {
            return e.retryAt().toString();
        }
        return arguments.length == 0 ? null
                : String.join("\u001f", Arrays.stream(arguments).map(String::valueOf).toList());
    }

    private static boolean transient_(Throwable e) {
        return e instanceof ConnectorException c
                && (c.kind() == Kind.UNAVAILABLE || c.kind() == Kind.MALFORMED_RESPONSE
                        || c.kind() == Kind.OUTCOME_UNKNOWN);
    }

    record Prepared(Network network, AccountContext context) {
    }

    private record SnapshotKey(CollectiviteId collectivite, UUID accountId) {
    }

    /** The account as read before a call; {@code context} is null when it has no credentials. */
    private record Snapshot(Network network, AccountStatus status, String handle, Instant rateLimitedUntil,
            AccountContext context, long readAt) {
    }
}

package fr.parvis.channels.mastodon;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last rate-limit state each Mastodon account's instance reported, for the pages that show an
 * account's health. Kept in memory on each node: it is what this node last saw, not a shared count.
 */
@Component
public class MastodonRateLimits {

    private static final Logger LOG = LoggerFactory.getLogger(MastodonRateLimits.class);

    private final ConcurrentMap<UUID, MastodonRateLimit> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    public MastodonRateLimits(Clock clock) {
        this.clock = clock;
    }

    /** What the account's instance last said, unless its window has passed since. */
    public Optional<MastodonRateLimit> lastSeen(UUID accountId) {
        MastodonRateLimit state = lastSeen.get(accountId);
        if (state == null || state.expired(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(state);
    }

    void record(UUID accountId, MastodonRateLimit state) {
        if (accountId == null || state == null) {
            return;
        }
        MastodonRateLimit previous = lastSeen.put(accountId, state);
        if (state.low() && (previous == null || !previous.low())) {
            LOG.warn("Mastodon account {}: {} of {} calls left until {}; Parvis should slow down", accountId,
                    state.remaining(), state.limit(), state.resetAt());
        }
    }
}

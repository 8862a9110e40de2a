package fr.parvis.channels.spi;

import java.time.Instant;

/**
 * What a network last said, in its answers' headers, about an account's call budget (Mastodon's
 * {@code X-RateLimit-*}, for example).
 *
 * @param limit calls allowed in the current window
 * @param remaining calls left in it
 * @param resetAt when the window starts again
 */
public record RateLimitState(long limit, long remaining, Instant resetAt) {

    /** Whether no call is left before {@link #resetAt()}, as of {@code now}. */
    public boolean exhausted(Instant now) {
        return remaining <= 0 && resetAt != null && resetAt.isAfter(now);
    }
}

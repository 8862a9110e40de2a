package fr.parvis.channels.mastodon;

import java.time.Instant;

/**
 * The rate limit a Mastodon instance last reported for one account ({@code X-RateLimit-*} headers of
 * the latest answer). Mastodon reports the limit the account is closest to exceeding: usually 300
 * calls per 5 minutes, but 30 per 30 minutes right after a media upload or a deletion.
 *
 * @param limit calls allowed in the current window
 * @param remaining calls left in it
 * @param resetAt when the window starts again, if the instance said
 * @param seenAt when Parvis read these headers
 */
public record MastodonRateLimit(long limit, long remaining, Instant resetAt, Instant seenAt) {

    /** Below this share of the limit, Parvis says the account is close to being throttled. */
    static final double LOW_SHARE = 0.1;

    /** Whether few calls are left (10 % of the limit or fewer) until {@link #resetAt()}. */
    public boolean low() {
        return remaining <= Math.max(1, (long) Math.floor(limit * LOW_SHARE));
    }

    /** Whether the window has passed, so the figures no longer say anything. */
    public boolean expired(Instant now) {
        return resetAt != null && !now.isBefore(resetAt);
    }
}

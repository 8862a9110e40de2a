package fr.parvis.channels.mastodon;

import static fr.parvis.channels.mastodon.MastodonApi.number;
import static fr.parvis.channels.mastodon.MastodonApi.text;
import static fr.parvis.channels.mastodon.MastodonApi.uri;

import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.InteractionPush;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Interactions;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.Moderation;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.NativeScheduling;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.RateLimitState;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.Timeline;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon (and servers speaking its client API): one instance per account, chosen by the user at
 * connection. Own client on {@code java.net.http}; see {@code docs/connectors-mastodon.md}.
 */
@Component
class MastodonConnector implements Connector {

    /** Mastodon's defaults (an instance may raise them; Parvis keeps to the defaults). */
    static final NetworkProfile PROFILE = new NetworkProfile(Network.MASTODON, 500, TextCounter.MASTODON, 4,
            16L * 1024 * 1024, Set.of("image/png", "image/jpeg", "image/webp", "image/gif"), 1500, true, true,
            Set.of(InteractionType.COMMENT, InteractionType.REPLY, InteractionType.MENTION,
                    InteractionType.DIRECT_MESSAGE, InteractionType.REACTION, InteractionType.SHARE),
            Set.of(ModerationAction.BLOCK_AUTHOR, ModerationAction.REPORT), MastodonPublishing.MINIMUM_LEAD,
            "300 / 5 min / account; media uploads and deletions 30 / 30 min (X-RateLimit-*)",
            new NetworkProfile.VideoLimits(1, MastodonPublishing.MAX_VIDEO_BYTES, null,
                    Set.of("video/mp4", "video/webm"), 1500, false, false, 0));

    private final MastodonApi api;
    private final MastodonRateLimits rateLimits;
    private final MastodonOAuth oauth;
    private final MastodonPublishing publishing;
    private final MastodonInteractions interactions;
    private final MastodonStreaming streaming;

    @Autowired
    MastodonConnector(OutboundGuard guard, Clock clock, MastodonRateLimits rateLimits) {
        this(guard, clock, rateLimits, MastodonSettings.DEFAULTS);
    }

    MastodonConnector(OutboundGuard guard, Clock clock, MastodonRateLimits rateLimits, MastodonSettings settings) {
        this.api = new MastodonApi(guard, JsonMapper.builder().build(), clock, rateLimits);
        this.rateLimits = rateLimits;
        this.oauth = new MastodonOAuth(api, guard);
        this.publishing = new MastodonPublishing(api, clock, settings);
        this.interactions = new MastodonInteractions(api, settings);
        this.streaming = new MastodonStreaming(api, guard, interactions);
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public NetworkProfile profile() {
        return PROFILE;
    }

    @Override
    public AccountInfo describe(AccountContext account) {
        return accountInfo(api.get(account, "/api/v1/accounts/verify_credentials").json(),
                MastodonInteractions.domain(account));
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(publishing);
    }

    @Override
    public Optional<Timeline> timeline() {
        return Optional.of(publishing);
    }

    @Override
    public Optional<NativeScheduling> scheduling() {
        return Optional.of(publishing);
    }

    @Override
    public Optional<Interactions> interactions() {
        return Optional.of(interactions);
    }

    @Override
    public Optional<InteractionPush> push() {
        return Optional.of(streaming);
    }

    @Override
    public Optional<Moderation> moderation() {
        return Optional.of(interactions);
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(publishing);
    }

    @Override
    public ConnectFlow connectFlow() {
        return oauth;
    }

    @Override
    public Optional<RateLimitState> rateLimitState(UUID accountId) {
        return rateLimits.lastSeen(accountId).filter(r -> r.resetAt() != null)
                .map(r -> new RateLimitState(r.limit(), r.remaining(), r.resetAt()));
    }

    /** The rate limit the account's instance last reported, for showing (see {@link MastodonRateLimits}). */
    public Optional<MastodonRateLimit> rateLimit(UUID accountId) {
        return rateLimits.lastSeen(accountId);
    }

    /** An Account entity as Parvis describes it; the handle is {@code @username@domain}. */
    static AccountInfo accountInfo(JsonNode account, String domain) {
        String id = text(account, "id");
        String username = text(account, "username");
        if (id == null || username == null) {
            throw MastodonApi.malformed(null);
        }
        String name = text(account, "display_name");
        return new AccountInfo(id, "@" + username + "@" + domain.toLowerCase(Locale.ROOT),
                name == null || name.isBlank() ? username : name, uri(text(account, "avatar")),
                uri(text(account, "url")), number(account, "followers_count"));
    }
}

package fr.parvis.channels.bluesky;

import static fr.parvis.channels.bluesky.Xrpc.params;
import static fr.parvis.channels.bluesky.Xrpc.text;

import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.CredentialRefresh;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Interactions;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.Moderation;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.Timeline;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky (AT Protocol): an app password opens a session on the account's PDS; posts, images,
 * replies and threadgates are records of the account's repository; notifications, threads and
 * counters come from the AppView through the PDS. Own XRPC client on {@code java.net.http}; see
 * {@code docs/connectors-bluesky.md}.
 */
@Component
class BlueskyConnector implements Connector {

    static final int MAX_GRAPHEMES = 300;
    /** {@code app.bsky.embed.images}: {@code maxSize} of an image blob. */
    static final long MAX_IMAGE_BYTES = 2_000_000L;
    /**
     * {@code app.bsky.embed.video}: the lexicon now accepts 100 MB (it was 50 MB); Parvis keeps to 50 MB,
     * which every PDS and the video service accept, and reads no more in memory.
     */
    static final long MAX_VIDEO_BYTES = 50_000_000L;
    /** Bluesky's video service refuses videos longer than three minutes. */
    static final java.time.Duration MAX_VIDEO_DURATION = java.time.Duration.ofMinutes(3);
    /** {@code app.bsky.embed.video#caption}: {@code maxSize} of a WebVTT blob. */
    static final long MAX_CAPTIONS_BYTES = 20_000L;

    static final NetworkProfile PROFILE = new NetworkProfile(Network.BLUESKY, MAX_GRAPHEMES, TextCounter.GRAPHEMES, 4,
            MAX_IMAGE_BYTES, Set.of("image/png", "image/jpeg", "image/webp", "image/gif"), 2000, true, true,
            Set.of(InteractionType.COMMENT, InteractionType.REPLY, InteractionType.MENTION, InteractionType.REACTION,
                    InteractionType.SHARE),
            Set.of(ModerationAction.HIDE, ModerationAction.UNHIDE, ModerationAction.BLOCK_AUTHOR,
                    ModerationAction.REPORT),
            null, "5 000 points / h et 35 000 / jour par compte (création = 3 points) ; 3 000 requêtes / 5 min par IP",
            new NetworkProfile.VideoLimits(1, MAX_VIDEO_BYTES, MAX_VIDEO_DURATION, Set.of("video/mp4"), 1000, false,
                    true, MAX_CAPTIONS_BYTES));

    private final Xrpc xrpc;
    private final BlueskySessions sessions;
    private final BlueskyPublishing publishing;
    private final BlueskyInteractions interactions;

    @Autowired
    BlueskyConnector(OutboundGuard guard, Clock clock) {
        this(guard, clock, ZoneId.of("Europe/Paris"));
    }

    BlueskyConnector(OutboundGuard guard, Clock clock, ZoneId zone) {
        this.xrpc = new Xrpc(guard, JsonMapper.builder().build(), clock, zone);
        this.sessions = new BlueskySessions(xrpc, this::describe);
        this.publishing = new BlueskyPublishing(xrpc);
        this.interactions = new BlueskyInteractions(xrpc);
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    @Override
    public NetworkProfile profile() {
        return PROFILE;
    }

    /**
     * The account from its session ({@code com.atproto.server.getSession}, on the PDS), completed by
     * its public profile from the AppView when it has one (display name, avatar, followers).
     */
    @Override
    public AccountInfo describe(AccountContext account) {
        JsonNode session = xrpc.query(account, "com.atproto.server.getSession", params());
        String did = Xrpc.required(session, "did");
        String handle = Xrpc.required(session, "handle");
        JsonNode profile = null;
        try {
            profile = xrpc.query(account, "app.bsky.actor.getProfile", params("actor", did));
        } catch (ConnectorException e) {
            if (e.needsReconnection() || e.kind() == Kind.RATE_LIMITED) {
                throw e;
            }
            // not indexed yet by the AppView, or the AppView is unreachable: the session is enough
        }
        String name = text(profile, "displayName");
        return new AccountInfo(did, "@" + handle, name == null || name.isBlank() ? handle : name,
                Xrpc.uri(text(profile, "avatar")), URI.create("https://bsky.app/profile/" + Xrpc.encode(handle)),
                Xrpc.number(profile, "followersCount"));
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
    public Optional<Interactions> interactions() {
        return Optional.of(interactions);
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
    public Optional<CredentialRefresh> refresh() {
        return Optional.of(sessions);
    }

    @Override
    public ConnectFlow connectFlow() {
        return sessions;
    }
}

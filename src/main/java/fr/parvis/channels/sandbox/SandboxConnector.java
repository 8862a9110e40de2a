package fr.parvis.channels.sandbox;

import fr.parvis.channels.sandbox.domain.SandboxAccount;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionPush;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Interactions;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.Moderation;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.NativeScheduling;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.Search;
import fr.parvis.channels.spi.SearchResult;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.Timeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The connector of the Sandbox, the network simulated inside Parvis (see {@link SandboxNetwork}):
 * it offers every capability of the SPI, so that every feature of Parvis can be shown and
 * practised without a real account. An account is created in one click; its token is checked on
 * every call like a real network would.
 */
@Component
public class SandboxConnector implements Connector, ConnectFlow.OneClick, Publishing, Timeline, NativeScheduling,
        Interactions, InteractionPush, Moderation, Metrics, Search {

    static final NetworkProfile PROFILE = new NetworkProfile(Network.SANDBOX, 2000, TextCounter.CODE_POINTS, 4,
            5L * 1024 * 1024, Set.of("image/png", "image/jpeg", "image/webp", "image/gif"), 1500, true, true,
            EnumSet.allOf(InteractionType.class), EnumSet.allOf(ModerationAction.class),
            SandboxNetwork.SCHEDULE_LEAD, "Aucune (réseau simulé)", new NetworkProfile.VideoLimits(1,
                    SandboxNetwork.MAX_VIDEO_BYTES, Duration.ofMinutes(10), Set.of("video/mp4", "video/webm"), 1500,
                    false, true, 100_000));

    private final SandboxNetwork network;
    private final SandboxWriter writer;
    private final Duration publishLatency;

    SandboxConnector(SandboxNetwork network, SandboxWriter writer, SandboxProperties properties) {
        this.network = network;
        this.writer = writer;
        this.publishLatency = properties.publishLatency();
    }

    @Override
    public Network network() {
        return Network.SANDBOX;
    }

    @Override
    public NetworkProfile profile() {
        return PROFILE;
    }

    @Override
    public AccountInfo describe(AccountContext account) {
        SandboxAccount found = network.authenticate(account);
        return info(found);
    }

    private AccountInfo info(SandboxAccount account) {
        return new AccountInfo(account.id().toString(), "@" + account.handle(), account.displayName(), null,
                URI.create("https://sandbox.parvis.invalid/@" + account.handle()), network.followers(account));
    }

    @Override
    public ConnectFlow connectFlow() {
        return this;
    }

    @Override
    public ConnectedAccount create(String handle, String displayName) {
        SandboxNetwork.Opened opened = network.open(handle, displayName, null);
        return new ConnectedAccount(info(opened.account()), null, new Credentials(opened.token(), null, null,
                Map.of()));
    }

    // ---- Capabilities -----------------------------------------------------------------------------

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(this);
    }

    @Override
    public Optional<Timeline> timeline() {
        return Optional.of(this);
    }

    @Override
    public Optional<NativeScheduling> scheduling() {
        return Optional.of(this);
    }

    @Override
    public Optional<Interactions> interactions() {
        return Optional.of(this);
    }

    @Override
    public Optional<InteractionPush> push() {
        return Optional.of(this);
    }

    @Override
    public Optional<Moderation> moderation() {
        return Optional.of(this);
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(this);
    }

    @Override
    public Optional<Search> search() {
        return Optional.of(this);
    }

    // ---- Publishing -------------------------------------------------------------------------------

    @Override
    public PublishedPost publish(AccountContext account, PostDraft draft) {
        if (!publishLatency.isZero()) {
            try {
                Thread.sleep(publishLatency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(ConnectorException.Kind.OUTCOME_UNKNOWN, "connector.interrupted", null, e);
            }
        }
        return writer.publish(account, draft);
    }

    @Override
    public PublishLookup lookup(AccountContext account, PostDraft draft, Instant since) {
        return network.lookup(account, draft);
    }

    @Override
    public Optional<PublishedPost> read(AccountContext account, String postExternalId) {
        return network.read(account, postExternalId);
    }

    @Override
    public void delete(AccountContext account, String postExternalId) {
        network.delete(account, postExternalId);
    }

    @Override
    public PostPage posts(AccountContext account, Cursor since) {
        return network.timeline(account, since);
    }

    @Override
    public String schedule(AccountContext account, PostDraft draft, Instant at) {
        return network.schedule(account, draft, at);
    }

    @Override
    public void cancel(AccountContext account, String scheduledExternalId) {
        network.cancel(account, scheduledExternalId);
    }

    // ---- Interactions -----------------------------------------------------------------------------

    @Override
    public InteractionPage since(AccountContext account, Cursor since) {
        return network.interactions(account, since);
    }

    @Override
    public AutoCloseable subscribe(AccountContext account, Consumer<Interaction> receiver) {
        return network.subscribe(account, receiver);
    }

    @Override
    public void apply(AccountContext account, ModerationAction action, Interaction interaction) {
        network.moderate(account, action, interaction);
    }

    @Override
    public PostMetrics post(AccountContext account, String postExternalId) {
        return network.postMetrics(account, postExternalId);
    }

    @Override
    public AccountMetrics account(AccountContext account) {
        return network.accountMetrics(account);
    }

    @Override
    public SearchResult search(AccountContext account, String query, Cursor cursor) {
        return network.search(account, query, cursor);
    }
}

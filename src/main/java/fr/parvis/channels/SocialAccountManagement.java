package fr.parvis.channels;

import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.calls.Connectors;
import fr.parvis.channels.domain.AccountEvent;
import fr.parvis.channels.domain.AccountEvents;
import fr.parvis.channels.domain.ChannelInteraction;
import fr.parvis.channels.domain.ChannelInteractions;
import fr.parvis.channels.domain.ChannelPost;
import fr.parvis.channels.domain.ChannelPosts;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * The social accounts of the current collectivité: connecting them (one click for the Sandbox, an
 * app password for Bluesky, OAuth for Mastodon), the community each serves, pausing, reconnecting
 * and disconnecting them, and what they have published and received. Connecting the same network
 * account again (same network id) reconnects it and keeps its history.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class SocialAccountManagement {

    private final SocialAccounts accounts;
    private final ChannelPosts posts;
    private final ChannelInteractions interactions;
    private final AccountEvents events;
    private final CredentialVault vault;
    private final Connectors connectors;
    private final AccountCalls calls;
    private final ChannelSync sync;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SocialAccountManagement(SocialAccounts accounts, ChannelPosts posts, ChannelInteractions interactions,
            AccountEvents events, CredentialVault vault, Connectors connectors, AccountCalls calls, ChannelSync sync,
            AuditTrail audit, ApplicationEventPublisher publisher, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.posts = posts;
        this.interactions = interactions;
        this.events = events;
        this.vault = vault;
        this.connectors = connectors;
        this.calls = calls;
        this.sync = sync;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public List<SocialAccountView> list() {
        return accounts.findAllByOrderByNetworkAscHandleAsc().stream().map(SocialAccountManagement::view).toList();
    }

    public SocialAccountView get(UUID id) {
        return view(load(id));
    }

    /** The networks this installation can connect. */
    public List<Network> availableNetworks() {
        return Arrays.stream(Network.values()).filter(connectors.available()::contains).toList();
    }

    /** What the account's health page shows. */
    public AccountHealthView health(UUID id) {
        SocialAccount account = load(id);
        Optional<Connector> connector = connectors.find(account.network());
        return new AccountHealthView(view(account), vault.expiry(id).orElse(null),
                connector.flatMap(Connector::refresh).isPresent(), calls.circuitState(account.network()),
                events.findByAccountIdOrderByOccurredAtDesc(id, PageRequest.of(0, 20)).stream()
                        .map(SocialAccountManagement::view).toList(),
                connector.map(Connector::profile).orElse(null), posts.countByAccountId(id),
                interactions.countByAccountId(id));
    }

    public List<ChannelPostView> recentPosts(UUID id, int limit) {
        load(id);
        return posts.findByAccountIdOrderByPublishedAtDesc(id, PageRequest.of(0, bounded(limit))).stream()
                .map(SocialAccountManagement::view).toList();
    }

    public List<ChannelInteractionView> recentInteractions(UUID id, int limit) {
        load(id);
        return interactions.findByAccountIdOrderByOccurredAtDesc(id, PageRequest.of(0, bounded(limit))).stream()
                .map(SocialAccountManagement::view).toList();
    }

    /** Connects a Sandbox account (or any one-click network) serving {@code community}. */
    @Transactional(propagation = Propagation.NEVER)
    public SocialAccountView connectOneClick(@NotNull Network network, @NotBlank @Size(max = 60) String handle,
            @Size(max = 200) String displayName, @Size(max = 120) String community) {
        Actors.require(Permission.CHANNELS_MANAGE);
        if (!(connectors.get(network).connectFlow() instanceof ConnectFlow.OneClick flow)) {
            throw new InvalidInputException("account.flow.wrong", "network", network.name());
        }
        return connected(network, flow.create(Texts.clean(handle), Texts.clean(displayName)), community);
    }

    /** Connects an account with an identifier and an app password (Bluesky). */
    @Transactional(propagation = Propagation.NEVER)
    public SocialAccountView connectWithAppPassword(@NotNull Network network,
            @NotBlank @Size(max = 254) String identifier, @NotBlank @Size(max = 200) String appPassword,
            @Size(max = 500) String server, @Size(max = 120) String community) {
        Actors.require(Permission.CHANNELS_MANAGE);
        if (!(connectors.get(network).connectFlow() instanceof ConnectFlow.AppPassword flow)) {
            throw new InvalidInputException("account.flow.wrong", "network", network.name());
        }
        URI service = Texts.clean(server) == null ? null : parse(server, "server");
        return connected(network, flow.connect(identifier.strip(), appPassword, service), community);
    }

    /** First step of an OAuth connection: where to send the user. The web layer keeps the pending values. */
    @Transactional(propagation = Propagation.NEVER)
    public ConnectFlow.OAuthStart startOAuth(@NotNull Network network, @NotBlank @Size(max = 500) String server,
            @NotNull URI redirectUri, @NotBlank String state) {
        Actors.require(Permission.CHANNELS_MANAGE);
        if (!(connectors.get(network).connectFlow() instanceof ConnectFlow.OAuth flow)) {
            throw new InvalidInputException("account.flow.wrong", "network", network.name());
        }
        return flow.start(parse(server, "server"), redirectUri, state);
    }

    /** Second step of an OAuth connection: the code the network returned. */
    @Transactional(propagation = Propagation.NEVER)
    public SocialAccountView finishOAuth(@NotNull Network network, @NotNull ConnectFlow.OAuthStart.Pending pending,
            @NotBlank @Size(max = 2000) String code, @NotNull URI redirectUri, @Size(max = 120) String community) {
        Actors.require(Permission.CHANNELS_MANAGE);
        if (!(connectors.get(network).connectFlow() instanceof ConnectFlow.OAuth flow)) {
            throw new InvalidInputException("account.flow.wrong", "network", network.name());
        }
        return connected(network, flow.finish(pending, code, redirectUri), community);
    }

    @Transactional
    public SocialAccountView changeCommunity(UUID id, @Size(max = 120) String community) {
        Actors.require(Permission.CHANNELS_MANAGE);
        SocialAccount account = load(id);
        account.serve(Texts.clean(community));
        audit.record(record("channels.account.community", account, AuditDetails.of("community",
                String.valueOf(Texts.clean(community)))));
        return view(account);
    }

    /** Stops reading and publishing until resumed. */
    @Transactional
    public SocialAccountView pause(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        SocialAccount account = load(id);
        if (account.status() == AccountStatus.DISABLED) {
            throw new InvalidInputException("account.disabled", null, account.handle());
        }
        changeStatus(account, AccountStatus.PAUSED, "account.status.pausedByTeam");
        return view(account);
    }

    @Transactional
    public SocialAccountView resume(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        SocialAccount account = load(id);
        if (account.status() != AccountStatus.PAUSED) {
            return view(account);
        }
        boolean usable = vault.load(id).isPresent();
        changeStatus(account, usable ? AccountStatus.CONNECTED : AccountStatus.RECONNECTION_NEEDED, null);
        return view(account);
    }

    /** Disconnects for good: credentials are erased; posts and interactions are kept. */
    @Transactional
    public SocialAccountView disable(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        SocialAccount account = load(id);
        vault.erase(id);
        changeStatus(account, AccountStatus.DISABLED, "account.status.disabledByTeam");
        return view(account);
    }

    /** Reads the account now (besides the periodic job). */
    @Transactional(propagation = Propagation.NEVER)
    public SyncReport syncNow(UUID id) {
        transaction.execute(status -> load(id));
        return sync.sync(id);
    }

    private SocialAccountView connected(Network network, ConnectedAccount connection, String community) {
        AccountInfo info = connection.info();
        UUID by = Actors.currentAgent().map(agent -> agent.userId().value()).orElse(null);
        SocialAccountView view = transaction.execute(status -> {
            Optional<SocialAccount> existing = accounts.findByNetworkAndExternalId(network, info.externalId());
            boolean reconnection = existing.isPresent();
            SocialAccount account = existing.orElseGet(() -> new SocialAccount(network, info.externalId(), info.handle(),
                    by));
            account.describe(Texts.abbreviate(info.handle(), 255), Texts.abbreviate(info.displayName(), 200),
                    info.avatarUrl() == null ? null : Texts.abbreviate(info.avatarUrl().toString(), 1000),
                    info.profileUrl() == null ? null : Texts.abbreviate(info.profileUrl().toString(), 1000),
                    connection.baseUrl() == null ? null : connection.baseUrl().toString(), info.followers());
            if (Texts.clean(community) != null || !reconnection) {
                account.serve(Texts.clean(community));
            }
            account.changeStatus(AccountStatus.CONNECTED, null);
            accounts.saveAndFlush(account);
            vault.store(account.id(), connection.credentials());
            events.save(new AccountEvent(account.id(), clock.instant(), AccountEvent.Kind.CONNECTED, "connect",
                    reconnection ? "account.event.reconnected" : "account.event.connected", null, null));
            audit.record(record(reconnection ? "channels.account.reconnected" : "channels.account.connected", account,
                    AuditDetails.of("network", network.name())));
            publisher.publishEvent(new SocialAccountConnected(Tenancy.require(), account.id(), network, account.handle(),
                    reconnection));
            return view(account);
        });
        sync.sync(view.id());
        return transaction.execute(status -> view(load(view.id())));
    }

    private void changeStatus(SocialAccount account, AccountStatus status, String reason) {
        AccountStatus previous = account.status();
        if (account.changeStatus(status, reason)) {
            events.save(new AccountEvent(account.id(), clock.instant(), AccountEvent.Kind.STATUS, "status",
                    "account.event.status." + status, null, null));
            audit.record(record("channels.account.status", account, AuditDetails.of("from", previous.name(), "to",
                    status.name())));
        }
    }

    private static AuditRecord record(String action, SocialAccount account, String details) {
        return new AuditRecord(action, "social-account", account.id().toString(),
                account.network() + " " + account.handle(), details);
    }

    private SocialAccount load(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    private static URI parse(String url, String field) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null) {
                uri = URI.create("https://" + url.strip());
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outbound.malformed", field, url);
        }
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }

    static SocialAccountView view(SocialAccount a) {
        return new SocialAccountView(a.id(), a.network(), a.externalId(), a.handle(), a.displayName(), a.avatarUrl(),
                a.profileUrl(), a.baseUrl(), a.community(), a.status(), a.statusReason(), a.followers(), a.lastSyncAt(),
                a.rateLimitedUntil(), a.createdAt());
    }

    private static AccountEventView view(AccountEvent e) {
        List<String> arguments = e.arguments() == null ? List.of() : List.of(e.arguments().split("\u001f"));
        return new AccountEventView(e.occurredAt(), e.kind().name(), e.operation(), e.messageKey(), arguments,
                e.detail());
    }

    private static ChannelPostView view(ChannelPost p) {
        return new ChannelPostView(p.id(), p.accountId(), p.externalId(), p.url(), p.text(), p.publishedAt(),
                p.origin().name(), p.reactions(), p.comments(), p.shares(), p.deletedAt());
    }

    private static ChannelInteractionView view(ChannelInteraction i) {
        return new ChannelInteractionView(i.id(), i.accountId(), i.externalId(), i.type(), i.postExternalId(),
                i.authorHandle(), i.authorName(), i.text(), i.occurredAt(), i.url(), i.hiddenAt(), i.deletedAt());
    }
}

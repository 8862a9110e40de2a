package fr.parvis.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.ConnectorContractTests;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.SearchResult;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The connector test kit against the Sandbox (in process, on the test database), plus what the kit
 * cannot see: scheduling, the timeline, push, search, every moderation action, idempotency, the
 * token check. Each test runs in a new collectivité, as its administrator.
 */
@IntegrationTest
class SandboxConnectorContractTests extends ConnectorContractTests {

    @Autowired
    SandboxConnector connector;

    @Autowired
    SandboxNetwork network;

    @Autowired
    TestTenants tenants;

    @Autowired
    MutableClock clock;

    Tenant tenant;
    AccountContext account;
    SecurityContext previous;

    @BeforeEach
    void openAnAccount() {
        tenant = tenants.commune();
        previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(tenants.authentication(tenant.admin()));
        SecurityContextHolder.setContext(context);
        ConnectedAccount connected = ((ConnectFlow.OneClick) connector.connectFlow()).create("@Ville-Test",
                "Ville de test");
        account = new AccountContext(UUID.randomUUID(), connected.info().externalId(), connected.info().handle(), null,
                connected.credentials());
    }

    @AfterEach
    void leave() {
        SecurityContextHolder.setContext(previous);
        clock.reset();
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected AccountContext account() {
        return account;
    }

    @Override
    protected AccountContext accountWithInvalidCredentials() {
        return new AccountContext(account.accountId(), account.externalId(), account.handle(), null,
                Credentials.of("sbx_not-the-token"));
    }

    @Override
    protected Audience audience() {
        return (post, text) -> network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.COMMENT,
                post.externalId(), null, "camille.martin", "Camille Martin", text));
    }

    @Override
    protected Map<String, Integer> countingExamples() {
        Map<String, Integer> examples = new LinkedHashMap<>();
        examples.put("Bonjour", 7);
        // code points: a URL counts as written, a family emoji is five code points
        examples.put("https://a.fr", 12);
        examples.put("👨‍👩‍👧", 5);
        examples.put("e\u0301te\u0301", 5);
        examples.put("Été", 3);
        return examples;
    }

    @Override
    protected boolean publiclyVisible(Interaction interaction) {
        return network.publiclyVisible(sandboxId(), interaction.externalId());
    }

    @Override
    protected Duration propagation() {
        return Duration.ofSeconds(2);
    }

    UUID sandboxId() {
        return UUID.fromString(account.externalId());
    }

    // ---- Sandbox specifics --------------------------------------------------------------------------

    @Test
    void declaresEveryCapability() {
        assertThat(connector.publishing()).isPresent();
        assertThat(connector.timeline()).isPresent();
        assertThat(connector.scheduling()).isPresent();
        assertThat(connector.interactions()).isPresent();
        assertThat(connector.push()).isPresent();
        assertThat(connector.moderation()).isPresent();
        assertThat(connector.metrics()).isPresent();
        assertThat(connector.search()).isPresent();
        assertThat(connector.profile().interactions()).containsExactlyInAnyOrder(InteractionType.values());
        assertThat(connector.profile().moderation()).containsExactlyInAnyOrder(ModerationAction.values());
        assertThat(connector.describe(account).handle()).isEqualTo("@ville-test");
        assertThat(connector.describe(account).followers()).isPositive();
    }

    @Test
    void reconnectingTheSameHandleKeepsTheAccountAndRevokesTheOldToken() {
        ConnectedAccount again = ((ConnectFlow.OneClick) connector.connectFlow()).create("ville-test", null);
        assertThat(again.info().externalId()).isEqualTo(account.externalId());
        assertThatThrownBy(() -> connector.describe(account)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.AUTH_REVOKED));
        assertThatThrownBy(() -> ((ConnectFlow.OneClick) connector.connectFlow()).create("Pas valable !", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sandbox.handle.invalid"));
    }

    @Test
    void anotherCollectiviteDoesNotSeeTheAccount() {
        Tenant other = tenants.commune();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(tenants.authentication(other.admin()));
        SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> connector.describe(account)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.needsReconnection()).isTrue());
    }

    @Test
    void publishingTwiceWithTheSameKeyPublishesOnce() {
        PostDraft draft = new PostDraft(unique("Travaux rue Pasteur"), List.of(), null, null, "fr", "publication-7");
        PublishedPost first = publishing().publish(account, draft);
        PublishedPost retry = publishing().publish(account, draft);
        assertThat(retry.externalId()).isEqualTo(first.externalId());
        assertThatThrownBy(() -> publishing().publish(account, new PostDraft("Réponse", List.of(), null, "p9999", "fr",
                null))).isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sandbox.replyTargetMissing"));
    }

    @Test
    void schedulesPublishesWhenDueAndCancels() {
        var scheduling = connector.scheduling().orElseThrow();
        String kept = scheduling.schedule(account, PostDraft.text(unique("Rappel : conseil municipal")),
                clock.instant().plus(Duration.ofHours(2)));
        String cancelled = scheduling.schedule(account, PostDraft.text(unique("Annulé")),
                clock.instant().plus(Duration.ofHours(3)));
        scheduling.cancel(account, cancelled);
        assertThatThrownBy(() -> scheduling.cancel(account, cancelled)).isInstanceOfSatisfying(
                ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> scheduling.schedule(account, PostDraft.text("Trop tôt"),
                clock.instant().plus(Duration.ofMinutes(2)))).isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sandbox.scheduleTooSoon"));
        assertThat(publishing().read(account, kept)).isEmpty();

        clock.advance(Duration.ofHours(4));
        network.simulate(sandboxId());
        assertThat(publishing().read(account, kept)).isPresent();
        assertThat(publishing().read(account, cancelled)).isEmpty();
    }

    @Test
    void readsTheTimelineOldestFirstFromACursor() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(publishing().publish(account, PostDraft.text(unique("Fil " + i))).externalId());
        }
        PostPage all = connector.timeline().orElseThrow().posts(account, Cursor.START);
        assertThat(all.items()).extracting(PublishedPost::externalId).containsExactlyElementsOf(published);
        publishing().delete(account, published.get(2));
        PostPage after = connector.timeline().orElseThrow().posts(account, all.next());
        assertThat(after.items()).isEmpty();
        assertThat(connector.timeline().orElseThrow().posts(account, Cursor.START).items()).hasSize(2);
    }

    @Test
    void pushesNewInteractionsAndReadsEveryKindFromTheCursor() throws Exception {
        PublishedPost post = publishing().publish(account, PostDraft.text(unique("Fermeture de la piscine")));
        List<Interaction> pushed = new CopyOnWriteArrayList<>();
        Cursor start = connector.interactions().orElseThrow().since(account, Cursor.START).next();
        try (AutoCloseable subscription = connector.push().orElseThrow().subscribe(account, pushed::add)) {
            var comment = network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.COMMENT,
                    post.externalId(), null, "@Hugo.Test", "Hugo Test", "Jusqu'à quand ?"));
            network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.REPLY, post.externalId(),
                    comment.externalId(), "lea.test", null, "Jusqu'au 3 janvier."));
            network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.REACTION, post.externalId(), null,
                    "lea.test", null, null));
            network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.SHARE, post.externalId(), null,
                    "lea.test", null, null));
            network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.MENTION, null, null, "karim.test",
                    null, "@ville-test bravo"));
            network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.DIRECT_MESSAGE, null, null,
                    "karim.test", null, "Bonjour, mon numéro est le 06 39 98 00 00"));
        }
        network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.REACTION, post.externalId(), null,
                "nina.test", null, null));
        // only ours: the simulated audience (run by the scheduled task) may act meanwhile
        pushed.removeIf(i -> !i.author().handle().endsWith(".test"));
        assertThat(pushed).extracting(Interaction::type).containsExactly(InteractionType.COMMENT,
                InteractionType.REPLY, InteractionType.REACTION, InteractionType.SHARE, InteractionType.MENTION,
                InteractionType.DIRECT_MESSAGE);
        InteractionPage page = connector.interactions().orElseThrow().since(account, start);
        List<Interaction> ours = page.items().stream().filter(i -> i.author().handle().endsWith(".test")).toList();
        assertThat(ours).hasSize(7);
        Interaction reply = ours.get(1);
        assertThat(reply.parentExternalId()).isEqualTo(ours.get(0).externalId());
        assertThat(reply.postExternalId()).isEqualTo(post.externalId());
        assertThat(ours.get(0).author().handle()).isEqualTo("@hugo.test");
        assertThat(connector.interactions().orElseThrow().since(account, page.next()).items()).isEmpty();
    }

    @Test
    void appliesEveryModerationAction() {
        PublishedPost post = publishing().publish(account, PostDraft.text(unique("Réunion publique")));
        var insult = network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.COMMENT,
                post.externalId(), null, "troll.anonyme", null, "Bande d'incapables"));
        Interaction received = connector.interactions().orElseThrow().since(account, Cursor.START).items().stream()
                .filter(i -> i.externalId().equals(insult.externalId())).findFirst().orElseThrow();
        var moderation = connector.moderation().orElseThrow();
        moderation.apply(account, ModerationAction.HIDE, received);
        assertThat(publiclyVisible(received)).isFalse();
        moderation.apply(account, ModerationAction.UNHIDE, received);
        assertThat(publiclyVisible(received)).isTrue();
        moderation.apply(account, ModerationAction.REPORT, received);
        moderation.apply(account, ModerationAction.BLOCK_AUTHOR, received);
        assertThatThrownBy(() -> network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.COMMENT,
                post.externalId(), null, "troll.anonyme", null, "Encore moi"))).isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("sandbox.audience.blocked"));
        moderation.apply(account, ModerationAction.DELETE, received);
        assertThat(publiclyVisible(received)).isFalse();
        assertThat(connector.interactions().orElseThrow().since(account, Cursor.START).items())
                .extracting(Interaction::externalId).doesNotContain(insult.externalId());
        PostMetrics metrics = connector.metrics().orElseThrow().post(account, post.externalId());
        assertThat(metrics.comments()).isZero();
    }

    @Test
    void countsAndSearches() {
        PublishedPost post = publishing().publish(account, PostDraft.text(unique("Collecte des encombrants")));
        network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.REACTION, post.externalId(), null,
                "lea.blanc", null, null));
        String needle = unique("Nid-de-poule énorme rue Pasteur");
        network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.COMMENT, post.externalId(), null,
                "lea.blanc", null, needle));
        network.receive(sandboxId(), new SandboxNetwork.Incoming(InteractionType.DIRECT_MESSAGE, null, null,
                "lea.blanc", null, needle + " (privé)"));
        PostMetrics metrics = connector.metrics().orElseThrow().post(account, post.externalId());
        assertThat(metrics.reactions()).isEqualTo(1);
        assertThat(metrics.comments()).isEqualTo(1);
        assertThat(metrics.shares()).isZero();
        assertThat(metrics.impressions()).isPositive();
        assertThat(connector.metrics().orElseThrow().account(account).posts()).isEqualTo(1);
        SearchResult found = connector.search().orElseThrow().search(account, needle.substring(needle.indexOf('#')),
                Cursor.START);
        assertThat(found.items()).extracting(Interaction::text).containsExactly(needle);
        assertThat(connector.search().orElseThrow().search(account, "100%_introuvable", Cursor.START).items())
                .isEmpty();
    }

    @Test
    void followersGrowWithTime() {
        long now = connector.metrics().orElseThrow().account(account).followers();
        clock.advance(Duration.ofDays(30));
        assertThat(connector.metrics().orElseThrow().account(account).followers()).isGreaterThan(now);
    }
}

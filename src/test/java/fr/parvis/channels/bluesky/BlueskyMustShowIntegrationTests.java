package fr.parvis.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.ChannelInteractionView;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.test.BlueskyTestNetwork;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Must-show scenario of the Bluesky connector, end to end on a real Bluesky network on loopback:
 * an account connected through the API (the vault keeps its credentials), a post with an image, its
 * alt text and a link facet, read back; a reply from another account received as an interaction by
 * the synchronisation, hidden with a threadgate; our post deleted; and the drafts Bluesky would refuse
 * (301 graphemes, 5 images, an image of 2 MB) refused with clear messages before any request (every
 * request of the application to Bluesky is counted).
 */
@BlueskyIntegrationTest
@RequiresPeer(Peer.BLUESKY_PDS)
@ExtendWith(OutputCaptureExtension.class)
class BlueskyMustShowIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application's outbound guard, with a client that counts the requests it sends. */
    @TestConfiguration
    static class Counting {

        @Bean
        @Primary
        CountingGuard countingGuard(OutboundProperties properties) {
            return new CountingGuard(properties);
        }
    }

    static class CountingGuard extends OutboundGuard {

        final AtomicInteger requests = new AtomicInteger();

        CountingGuard(OutboundProperties properties) {
            super(properties);
        }

        @Override
        public HttpClient client() {
            return new CountingClient(super.client(), requests);
        }
    }

    @Autowired
    TestTenants tenants;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    AccountCalls calls;

    @Autowired
    CredentialVault vault;

    @Autowired
    CountingGuard guard;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void connectPublishReceiveHideDeleteAndRefuseBeforeAnyCall(CapturedOutput output) throws Exception {
        BlueskyTestNetwork.Urls urls = BlueskyTestNetwork.get();
        Tenant commune = tenants.commune();
        var auth = authentication(tenants.authentication(commune.admin()));
        BlueskyConnectorContractTests.TestAccount city = BlueskyConnectorContractTests.createAccount(urls.pds(),
                "mairie");
        BlueskyConnector other = BlueskyConnectorContractTests.newConnector();
        AccountContext citizen = BlueskyConnectorContractTests.account(other, urls.pds(), "habitante");

        // 1. Connect through the API; a wrong app password is refused with a clear French message
        var refused = mvc.perform(post("/api/v1/accounts/bluesky").with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("identifier",
                        city.handle(), "appPassword", "aaaa-bbbb-cccc-dddd", "server", urls.pds().toString()))))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Bluesky refuse cet identifiant ou ce mot de passe d'application");
        var created = mvc.perform(post("/api/v1/accounts/bluesky").with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("identifier",
                        city.handle(), "appPassword", city.appPassword(), "server", urls.pds().toString(),
                        "community", "Habitants")))).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(created.getContentAsString()).get("id").asString());
        SocialAccountView account = tenants.as(commune.admin(), () -> accounts.get(id));
        assertThat(account.externalId()).isEqualTo(city.did());
        assertThat(account.handle()).isEqualTo("@" + city.handle());
        Credentials stored = tenants.as(commune.admin(), () -> vault.load(id)).orElseThrow();
        assertThat(stored.extra("appPassword")).isEqualTo(city.appPassword());
        assertThat(stored.expiresAt()).isAfter(java.time.Instant.now());
        byte[] row = jdbc.queryForObject("select ciphertext from channels_credential where account_id = ?",
                byte[].class, id);
        assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain(city.appPassword())
                .doesNotContain(stored.accessToken());

        // 2. Publish a post with an image, its alt text and a link (facet), and read it back
        URI link = URI.create("https://ville.example/fête-de-la-musique");
        PostDraft draft = new PostDraft("Fête de la musique à l'école Jean-Jaurès 🎶 : tout le programme", List.of(
                new ImageAttachment(BlueskyErrorMappingTests.PNG, "image/png", "Affiche : une guitare et des notes")),
                link, null, "fr", null);
        PublishedPost post = tenants.as(commune.admin(), () -> calls.write(id, "publish",
                (connector, context) -> connector.publishing().orElseThrow().publish(context, draft)));
        Optional<PublishedPost> read = tenants.as(commune.admin(), () -> calls.read(id, "read",
                (connector, context) -> connector.publishing().orElseThrow().read(context, post.externalId())));
        assertThat(read).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(
                "Fête de la musique à l'école Jean-Jaurès 🎶 : tout le programme\n\n" + link));
        AtUri uri = AtUri.parse(post.externalId());
        JsonNode record = BlueskyConnectorContractTests.xrpc(urls.pds(), "com.atproto.repo.getRecord?repo="
                + Xrpc.encode(uri.repo()) + "&collection=" + uri.collection() + "&rkey=" + uri.rkey(), null, null)
                .get("value");
        assertThat(record.at("/embed/images/0/alt").asString()).isEqualTo("Affiche : une guitare et des notes");
        assertThat(record.at("/embed/images/0/image/mimeType").asString()).isEqualTo("image/png");
        JsonNode facet = record.at("/facets/0");
        assertThat(facet.at("/features/0/uri").asString()).isEqualTo(link.toString());
        byte[] bytes = record.get("text").asString().getBytes(StandardCharsets.UTF_8);
        int start = facet.at("/index/byteStart").asInt();
        assertThat(new String(Arrays.copyOfRange(bytes, start, facet.at("/index/byteEnd").asInt()),
                StandardCharsets.UTF_8)).isEqualTo(link.toString());

        // 3. Another account replies: the synchronisation receives it as a comment on our post
        BlueskyTestNetwork.index();
        String replyText = "Est-ce que la rue sera fermée à la circulation ? " + UUID.randomUUID().toString()
                .substring(0, 6);
        PublishedPost reply = other.publishing().orElseThrow().publish(citizen,
                new PostDraft(replyText, List.of(), null, post.externalId(), "fr", null));
        BlueskyTestNetwork.index();
        tenants.as(commune.admin(), () -> accounts.syncNow(id));
        List<ChannelInteractionView> received = tenants.as(commune.admin(), () -> accounts.recentInteractions(id, 20));
        assertThat(received).filteredOn(i -> replyText.equals(i.text())).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(InteractionType.COMMENT);
            assertThat(i.postExternalId()).isEqualTo(post.externalId());
            assertThat(i.externalId()).isEqualTo(reply.externalId());
        });

        // 4. Hide it with a threadgate: no longer in the public thread
        Interaction interaction = tenants.as(commune.admin(), () -> calls.read(id, "interactions",
                (connector, context) -> connector.interactions().orElseThrow().since(context, Cursor.START)))
                .items().stream().filter(i -> replyText.equals(i.text())).findFirst().orElseThrow();
        assertThat(publicThread(urls, post)).contains(reply.externalId());
        tenants.as(commune.admin(), () -> calls.write(id, "hide", (connector, context) -> {
            connector.moderation().orElseThrow().apply(context, ModerationAction.HIDE, interaction);
            return null;
        }));
        JsonNode gate = BlueskyConnectorContractTests.xrpc(urls.pds(), "com.atproto.repo.getRecord?repo="
                + Xrpc.encode(uri.repo()) + "&collection=app.bsky.feed.threadgate&rkey=" + uri.rkey(), null, null);
        assertThat(gate.at("/value/post").asString()).isEqualTo(post.externalId());
        assertThat(gate.at("/value/hiddenReplies/0").asString()).isEqualTo(reply.externalId());
        assertThat(publicThread(urls, post)).doesNotContain(reply.externalId()).contains(post.externalId());

        // 5. Delete our post
        tenants.as(commune.admin(), () -> calls.write(id, "delete", (connector, context) -> {
            connector.publishing().orElseThrow().delete(context, post.externalId());
            return null;
        }));
        Optional<PublishedPost> deleted = tenants.as(commune.admin(), () -> calls.read(id, "read",
                (connector, context) -> connector.publishing().orElseThrow().read(context, post.externalId())));
        assertThat(deleted).isEmpty();

        // 6. Refused before any request: 301 graphemes, 5 images, an image of 2 MB
        int before = guard.requests.get();
        List<ImageAttachment> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(new ImageAttachment(BlueskyErrorMappingTests.PNG, "image/png", "Photo " + i + " du marché"));
        }
        Map<PostDraft, String> invalid = Map.of(
                PostDraft.text("é".repeat(299) + "👨‍👩‍👧🇫🇷"), "Le texte dépasse de 1 caractères la limite de 300 de ce réseau.",
                new PostDraft("Le marché", five, null, null, "fr", null), "5 images\u00a0: ce réseau en accepte au plus 4.",
                new PostDraft("Le plan", List.of(new ImageAttachment(new byte[2 * 1024 * 1024], "image/png",
                        "Plan du quartier")), null, null, "fr", null),
                "L'image 1 pèse 2\u202f048 Ko\u00a0: ce réseau accepte au plus 1\u202f953 Ko.");
        invalid.forEach((refusedDraft, message) -> assertThatThrownBy(() -> tenants.as(commune.admin(),
                () -> calls.write(id, "publish", (connector, context) ->
                        connector.publishing().orElseThrow().publish(context, refusedDraft))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.FRENCH)
                            .replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo(message
                            .replace('\u00a0', ' ').replace('\u202f', ' '));
                }));
        assertThat(guard.requests.get()).as("no request to Bluesky for refused drafts").isEqualTo(before);

        // never a secret in the logs
        assertThat(output.getAll()).doesNotContain(city.appPassword()).doesNotContain(stored.accessToken())
                .doesNotContain(stored.refreshToken());
    }

    @Test
    void theWebFormConnectsAnAccountAndShowsWhyItCannot() throws Exception {
        BlueskyTestNetwork.Urls urls = BlueskyTestNetwork.get();
        Tenant commune = tenants.commune();
        var auth = authentication(tenants.authentication(commune.admin()));
        BlueskyConnectorContractTests.TestAccount city = BlueskyConnectorContractTests.createAccount(urls.pds(),
                "form");
        var refused = mvc.perform(post("/parametres/comptes/bluesky").with(auth).with(csrf())
                .param("identifier", city.handle()).param("appPassword", "aaaa-bbbb-cccc-dddd")
                .param("server", urls.pds().toString())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Bluesky refuse cet identifiant ou ce mot de passe d&#39;application")
                .doesNotContain("aaaa-bbbb-cccc-dddd");
        var connected = mvc.perform(post("/parametres/comptes/bluesky").with(auth).with(csrf())
                .param("identifier", "@" + city.handle()).param("appPassword", city.appPassword())
                .param("server", urls.pds().toString()).param("community", "Quartier nord")).andReturn().getResponse();
        assertThat(connected.getStatus()).isEqualTo(302);
        SocialAccountView account = tenants.as(commune.admin(), () -> accounts.list()).stream()
                .filter(a -> a.externalId().equals(city.did())).findFirst().orElseThrow();
        assertThat(connected.getRedirectedUrl()).isEqualTo("/parametres/comptes/" + account.id());
        assertThat(account.community()).isEqualTo("Quartier nord");
        assertThat(account.baseUrl()).isEqualTo(urls.pds().toString());
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/parametres/comptes/" + account.id()).with(auth)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(city.handle()).doesNotContain(city.appPassword());
    }

    /** The posts of the thread as the public sees it (AppView, no viewer). */
    static List<String> publicThread(BlueskyTestNetwork.Urls urls, PublishedPost root) {
        BlueskyTestNetwork.index();
        List<String> uris = new ArrayList<>();
        JsonNode thread = BlueskyConnectorContractTests.appView("app.bsky.unspecced.getPostThreadV2",
                "anchor=" + Xrpc.encode(root.externalId()) + "&below=10");
        thread.path("thread").forEach(item -> uris.add(item.path("uri").asString()));
        return uris;
    }

    /** A client that counts the requests it sends, and sends them with the real one. */
    static final class CountingClient extends HttpClient {

        private final HttpClient delegate;
        private final AtomicInteger requests;

        CountingClient(HttpClient delegate, AtomicInteger requests) {
            this.delegate = delegate;
            this.requests = requests;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            requests.incrementAndGet();
            return delegate.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            requests.incrementAndGet();
            return delegate.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            requests.incrementAndGet();
            return delegate.sendAsync(request, handler, push);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }
}

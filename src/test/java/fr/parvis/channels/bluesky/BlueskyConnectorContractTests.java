package fr.parvis.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.ConnectorContractTests;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.test.BlueskyTestNetwork;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector test kit against a real Bluesky network on loopback (PLC, PDS and AppView of npm
 * {@code @atproto/dev-env}, see {@link BlueskyTestNetwork}): accounts are created on the PDS with
 * {@code com.atproto.server.createAccount}, connected with a real app password; the audience is other
 * accounts of the same PDS.
 */
@RequiresPeer(Peer.BLUESKY_PDS)
class BlueskyConnectorContractTests extends ConnectorContractTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static BlueskyConnector connector;
    static BlueskyTestNetwork.Urls urls;
    static AccountContext city;
    static AccountContext citizen;

    @BeforeAll
    static void connect() {
        urls = BlueskyTestNetwork.get();
        connector = newConnector();
        city = account(connector, urls.pds(), "ville");
        citizen = account(connector, urls.pds(), "habitant");
    }

    static BlueskyConnector newConnector() {
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of("localhost", "127.0.0.1"),
                Duration.ofSeconds(2), Duration.ofSeconds(20)));
        return new BlueskyConnector(guard, Clock.systemUTC(), ZoneId.of("Europe/Paris"));
    }

    /** A new account on the test PDS, connected through the app-password flow. */
    static AccountContext account(BlueskyConnector connector, URI pds, String prefix) {
        TestAccount created = createAccount(pds, prefix);
        ConnectedAccount connected = ((ConnectFlow.AppPassword) connector.connectFlow())
                .connect(created.handle(), created.appPassword(), pds);
        return new AccountContext(UUID.randomUUID(), connected.info().externalId(), connected.info().handle(),
                connected.baseUrl(), connected.credentials());
    }

    /** An account and an app password of it, made directly on the PDS. */
    record TestAccount(String did, String handle, String password, String appPassword) {
    }

    static TestAccount createAccount(URI pds, String prefix) {
        // the PDS takes at most 18 characters before ".test"
        String handle = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        JsonNode account = xrpc(pds, "com.atproto.server.createAccount", null, Map.of("handle", handle,
                "email", handle.replace(".test", "") + "@ville.example", "password", password));
        String access = account.get("accessJwt").asString();
        JsonNode appPassword = xrpc(pds, "com.atproto.server.createAppPassword", access, Map.of("name", "Parvis"));
        return new TestAccount(account.get("did").asString(), handle, password, appPassword.get("password").asString());
    }

    static JsonNode xrpc(URI base, String nsid, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/xrpc/" + nsid))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(nsid + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected AccountContext account() {
        return city;
    }

    @Override
    protected AccountContext accountWithInvalidCredentials() {
        return new AccountContext(city.accountId(), city.externalId(), city.handle(), city.baseUrl(),
                new Credentials("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.invalide", "invalide", null,
                        Map.of("did", city.externalId())));
    }

    @Override
    protected Audience audience() {
        return (post, text) -> {
            BlueskyTestNetwork.index();
            connector.publishing().orElseThrow().publish(citizen,
                    new PostDraft(text, List.of(), null, post.externalId(), "fr", null));
            BlueskyTestNetwork.index();
        };
    }

    @Override
    protected Map<String, Integer> countingExamples() {
        Map<String, Integer> examples = new LinkedHashMap<>();
        examples.put("Bonjour", 7);
        // a URL counts every character (no shortening on Bluesky)
        examples.put("https://ville.example/agenda", 28);
        examples.put("Famille 👨‍👩‍👧 🇫🇷 👍🏽", 8 + 1 + 1 + 1 + 1 + 1);
        examples.put("e\u0301te\u0301", 3);
        examples.put("Été à l'école", 13);
        return examples;
    }

    /** Whether the reply shows in its thread to other people (AppView, unauthenticated). */
    @Override
    protected boolean publiclyVisible(Interaction interaction) {
        BlueskyTestNetwork.index();
        JsonNode thread = appView("app.bsky.unspecced.getPostThreadV2", "anchor=" + Xrpc.encode(
                interaction.postExternalId()) + "&below=10");
        for (JsonNode item : thread.path("thread")) {
            if (interaction.externalId().equals(item.path("uri").asString())) {
                return true;
            }
        }
        return false;
    }

    static JsonNode appView(String nsid, String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(BlueskyTestNetwork.get().appview() + "/xrpc/" + nsid + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(nsid + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Duration propagation() {
        return Duration.ofSeconds(30);
    }

    // ---- What the kit does not see ---------------------------------------------------------------

    @Test
    void readsMentionsQuotesLikesAndResumesFromTheCursor() {
        PublishedPost post = publish(PostDraft.text(unique("Travaux rue Victor-Hugo")));
        BlueskyTestNetwork.index();
        InteractionPage before = connector.interactions().orElseThrow().since(city, Cursor.START);
        String mention = unique("Bonjour " + city.handle() + " une question");
        connector.publishing().orElseThrow().publish(citizen, PostDraft.text(mention));
        like(citizen, post);
        String quote = unique("Enfin !");
        quote(citizen, post, quote);
        BlueskyTestNetwork.index();
        InteractionPage after = connector.interactions().orElseThrow().since(city, before.next());
        assertThat(after.items()).extracting(Interaction::type).contains(InteractionType.MENTION,
                InteractionType.REACTION, InteractionType.SHARE);
        assertThat(after.items()).filteredOn(i -> i.type() == InteractionType.SHARE).singleElement()
                .satisfies(i -> {
                    assertThat(i.text()).isEqualTo(quote);
                    assertThat(i.postExternalId()).isEqualTo(post.externalId());
                });
        Interaction mentioned = after.items().stream().filter(i -> i.type() == InteractionType.MENTION).findFirst()
                .orElseThrow();
        assertThat(mentioned.text()).isEqualTo(mention);
        assertThat(mentioned.author().externalId()).isEqualTo(citizen.externalId());
        Interaction liked = after.items().stream().filter(i -> i.type() == InteractionType.REACTION).findFirst()
                .orElseThrow();
        assertThat(liked.postExternalId()).isEqualTo(post.externalId());
        // oldest first, nothing again from the new cursor
        assertThat(after.items().get(0).createdAt()).isBeforeOrEqualTo(after.items().get(after.items().size() - 1)
                .createdAt());
        List<String> seen = after.items().stream().map(Interaction::externalId).toList();
        assertThat(connector.interactions().orElseThrow().since(city, after.next()).items())
                .as("only notifications of the cursor's very millisecond may come again")
                .allMatch(i -> seen.contains(i.externalId()));
    }

    @Test
    void publishesAVideoWithItsCaptionsAndDescription() throws Exception {
        byte[] mp4;
        try (var in = getClass().getResourceAsStream("/fixtures/parvis-2500ms-320x180.mp4")) {
            mp4 = in.readAllBytes();
        }
        String vtt = "WEBVTT\n\n00:00.500 --> 00:02.000\nBonjour à toutes et à tous.\n";
        PostDraft draft = new PostDraft(unique("Les vœux du maire"), List.of(), null, null, "fr", null,
                List.of(VideoAttachment.of(mp4, "video/mp4", "Le maire devant la mairie",
                        new VideoAttachment.Subtitles(vtt, "fr"), false, Duration.ofMillis(2500), 320, 180)));
        assertThat(connector.profile().check(draft)).isEmpty();
        PublishedPost post = publish(draft);

        AtUri uri = AtUri.parse(post.externalId());
        JsonNode record = xrpc(urls.pds(), "com.atproto.repo.getRecord?repo=" + Xrpc.encode(uri.repo())
                + "&collection=" + uri.collection() + "&rkey=" + uri.rkey(), null, null).path("value");
        JsonNode embed = record.path("embed");
        assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.video");
        assertThat(embed.path("alt").asString()).isEqualTo("Le maire devant la mairie");
        assertThat(embed.path("aspectRatio").path("width").asInt()).isEqualTo(320);
        assertThat(embed.path("aspectRatio").path("height").asInt()).isEqualTo(180);
        assertThat(embed.path("video").path("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(embed.path("captions").get(0).path("lang").asString()).isEqualTo("fr");
        assertThat(embed.path("captions").get(0).path("file").path("mimeType").asString()).isEqualTo("text/vtt");
        assertThat(blob(uri.repo(), embed.path("video").path("ref").path("$link").asString())).isEqualTo(mp4);
        assertThat(new String(blob(uri.repo(), embed.path("captions").get(0).path("file").path("ref").path("$link")
                .asString()), StandardCharsets.UTF_8)).isEqualTo(vtt);
    }

    @Test
    void refusesAVideoBlueskyWouldNotTake() {
        VideoAttachment tooLong = VideoAttachment.of(new byte[10], "video/mp4", null, null, true,
                Duration.ofMinutes(4), null, null);
        VideoAttachment noSubtitles = VideoAttachment.of(new byte[10], "video/mp4", null, null, false, null, null,
                null);
        VideoAttachment bigCaptions = VideoAttachment.of(new byte[10], "video/mp4", null,
                new VideoAttachment.Subtitles("WEBVTT\n\n" + "x".repeat(25_000), "fr"), false, null, null, null);
        for (var c : List.of(java.util.Map.entry(tooLong, "draft.videoTooLong"),
                java.util.Map.entry(noSubtitles, "draft.videoSubtitlesMissing"),
                java.util.Map.entry(bigCaptions, "draft.videoSubtitlesTooLarge"))) {
            PostDraft draft = new PostDraft("Vidéo", List.of(), null, null, "fr", null, List.of(c.getKey()));
            assertThat(connector.profile().check(draft)).extracting(p -> p.messageKey()).containsExactly(c.getValue());
            assertThatThrownBy(() -> connector.publishing().orElseThrow().publish(city, draft))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                        assertThat(e.messageKey()).isEqualTo(c.getValue());
                    });
        }
    }

    static byte[] blob(String did, String cid) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(urls.pds()
                + "/xrpc/com.atproto.sync.getBlob?did=" + Xrpc.encode(did) + "&cid=" + cid)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void countsLikesRepliesAndFollowers() {
        PublishedPost post = publish(PostDraft.text(unique("Horaires d'été de la médiathèque")));
        BlueskyTestNetwork.index();
        like(citizen, post);
        audience().reply(post, unique("Merci !"));
        xrpc(citizen.baseUrl(), "com.atproto.repo.createRecord", citizen.credentials().accessToken(),
                Map.of("repo", citizen.externalId(), "collection", "app.bsky.graph.follow", "record",
                        Map.of("$type", "app.bsky.graph.follow", "subject", city.externalId(), "createdAt",
                                BlueskyPublishing.timestamp(java.time.Instant.now()))));
        BlueskyTestNetwork.index();
        var metrics = connector.metrics().orElseThrow().post(city, post.externalId());
        assertThat(metrics.reactions()).isEqualTo(1);
        assertThat(metrics.comments()).isEqualTo(1);
        assertThat(metrics.shares()).isZero();
        assertThat(connector.metrics().orElseThrow().account(city).followers()).isPositive();
    }

    @Test
    void readsOurPostsOldestFirst() {
        PublishedPost first = publish(PostDraft.text(unique("Premier")));
        PublishedPost second = publish(PostDraft.text(unique("Second")));
        List<String> ids = new ArrayList<>();
        Cursor cursor = Cursor.START;
        PostPage page;
        do {
            page = connector.timeline().orElseThrow().posts(city, cursor);
            page.items().forEach(p -> ids.add(p.externalId()));
            cursor = page.next();
        } while (page.more());
        assertThat(ids).containsSubsequence(first.externalId(), second.externalId());
        assertThat(connector.timeline().orElseThrow().posts(city, cursor).items()).isEmpty();
    }

    @Test
    void blocksAndReportsTheAuthor() {
        PublishedPost post = publish(PostDraft.text(unique("Consultation sur le budget participatif")));
        String text = unique("Message injurieux à signaler");
        audience().reply(post, text);
        Interaction received = awaitInteraction(text);
        connector.moderation().orElseThrow().apply(city, ModerationAction.REPORT, received);
        connector.moderation().orElseThrow().apply(city, ModerationAction.BLOCK_AUTHOR, received);
        JsonNode blocks = xrpc(city.baseUrl(), "com.atproto.repo.listRecords?repo=" + Xrpc.encode(city.externalId())
                + "&collection=app.bsky.graph.block", city.credentials().accessToken(), null);
        assertThat(blocks.path("records").findValuesAsString("subject")).contains(citizen.externalId());
    }

    @Test
    void cannotDeleteOthersPostsNorHideInOthersThreads() {
        PublishedPost theirs = connector.publishing().orElseThrow().publish(citizen, PostDraft.text(unique("À moi")));
        assertThatThrownBy(() -> connector.publishing().orElseThrow().delete(city, theirs.externalId()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bluesky.notOurPost"));
        assertThat(connector.publishing().orElseThrow().read(city, theirs.externalId())).isPresent();
    }

    @Test
    void aWrongAppPasswordIsRefusedClearly() {
        TestAccount account = createAccount(urls.pds(), "refus");
        assertThatThrownBy(() -> ((ConnectFlow.AppPassword) connector.connectFlow())
                .connect(account.handle(), "aaaa-bbbb-cccc-dddd", urls.pds()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH_REVOKED);
                    assertThat(e.messageKey()).isEqualTo("bluesky.badPassword");
                });
    }

    @Test
    void refreshesTheSession() {
        AccountContext account = account(connector, urls.pds(), "session");
        Credentials renewed = connector.refresh().orElseThrow().refresh(account);
        assertThat(renewed.refreshToken()).as("rotated").isNotEqualTo(account.credentials().refreshToken());
        assertThat(renewed.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(60));
        AccountContext after = new AccountContext(account.accountId(), account.externalId(), account.handle(),
                account.baseUrl(), renewed);
        assertThat(connector.describe(after).externalId()).isEqualTo(account.externalId());
        // the old refresh token was rotated: refreshing with it again falls back on the app password
        Credentials again = connector.refresh().orElseThrow().refresh(account);
        assertThat(connector.describe(new AccountContext(account.accountId(), account.externalId(), account.handle(),
                account.baseUrl(), again)).externalId()).isEqualTo(account.externalId());
    }

    static void quote(AccountContext who, PublishedPost post, String text) {
        AtUri uri = AtUri.parse(post.externalId());
        JsonNode record = xrpc(who.baseUrl(), "com.atproto.repo.getRecord?repo=" + Xrpc.encode(uri.repo())
                + "&collection=" + uri.collection() + "&rkey=" + uri.rkey(), null, null);
        xrpc(who.baseUrl(), "com.atproto.repo.createRecord", who.credentials().accessToken(),
                Map.of("repo", who.externalId(), "collection", "app.bsky.feed.post", "record",
                        Map.of("$type", "app.bsky.feed.post", "text", text, "embed", Map.of("$type",
                                "app.bsky.embed.record", "record", Map.of("uri", post.externalId(), "cid",
                                        record.get("cid").asString())), "createdAt",
                                BlueskyPublishing.timestamp(java.time.Instant.now()))));
    }

    static void like(AccountContext who, PublishedPost post) {
        AtUri uri = AtUri.parse(post.externalId());
        JsonNode record = xrpc(who.baseUrl(), "com.atproto.repo.getRecord?repo=" + Xrpc.encode(uri.repo())
                + "&collection=" + uri.collection() + "&rkey=" + uri.rkey(), null, null);
        xrpc(who.baseUrl(), "com.atproto.repo.createRecord", who.credentials().accessToken(),
                Map.of("repo", who.externalId(), "collection", "app.bsky.feed.like", "record",
                        Map.of("$type", "app.bsky.feed.like", "subject", Map.of("uri", post.externalId(), "cid",
                                record.get("cid").asString()), "createdAt",
                                BlueskyPublishing.timestamp(java.time.Instant.now()))));
    }
}

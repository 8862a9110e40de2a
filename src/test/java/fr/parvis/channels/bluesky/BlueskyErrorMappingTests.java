package fr.parvis.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.PostDraft;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the Bluesky connector maps what a PDS answers (XRPC errors, {@code ratelimit-reset}, 5xx,
 * timeouts, unreadable JSON, refused connections) and what it refuses before any call, against a JDK
 * {@link HttpServer} on loopback.
 */
class BlueskyErrorMappingTests {

    static final String DID = "did:plc:villeexemple";
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    record Call(String method, String path, String query, String authorization, String body) {
    }

    HttpServer server;
    final Map<String, Consumer<HttpExchange>> routes = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    BlueskyConnector connector;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Consumer<HttpExchange> route = routes.get(path.replaceFirst("^/xrpc/", ""));
            if (route == null) {
                answer(exchange, 501, "{\"error\":\"MethodNotImplemented\"}");
            } else {
                route.accept(exchange);
            }
        });
        server.start();
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of("127.0.0.1"), Duration.ofSeconds(1),
                Duration.ofMillis(700)));
        connector = new BlueskyConnector(guard, Clock.systemUTC(), ZoneId.of("Europe/Paris"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    AccountContext account() {
        return new AccountContext(UUID.randomUUID(), DID, "@ville.test", base(), new Credentials("access-1",
                "refresh-1", Instant.now().plusSeconds(3600), Map.of("did", DID, "service", base().toString())));
    }

    static void answer(HttpExchange exchange, int status, String body) {
        answer(exchange, status, body, Map.of());
    }

    static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void route(String nsid, int status, String body) {
        routes.put(nsid, exchange -> answer(exchange, status, body));
    }

    ConnectorException describeFails() {
        try {
            connector.describe(account());
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    // ---- Tokens ---------------------------------------------------------------------------------

    @Test
    void expiredAndInvalidTokensAskForARefreshThenAReconnection() {
        route("com.atproto.server.getSession", 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
        ConnectorException expired = describeFails();
        assertThat(expired.kind()).isEqualTo(Kind.AUTH_EXPIRED);
        assertThat(expired.needsReconnection()).isTrue();
        assertThat(expired.messageKey()).isEqualTo("connector.authExpired");

        route("com.atproto.server.getSession", 400, "{\"error\":\"InvalidToken\",\"message\":\"Bad token\"}");
        assertThat(describeFails().kind()).isEqualTo(Kind.AUTH_EXPIRED);

        route("com.atproto.server.getSession", 401, "{\"error\":\"AuthenticationRequired\"}");
        ConnectorException revoked = describeFails();
        assertThat(revoked.kind()).isEqualTo(Kind.AUTH_REVOKED);
        assertThat(revoked.messageKey()).isEqualTo("connector.authRevoked");

        route("com.atproto.server.getSession", 400, "{\"error\":\"AccountTakedown\",\"message\":\"Suspendu\"}");
        assertThat(describeFails().messageKey()).isEqualTo("bluesky.accountDisabled");
    }

    @Test
    void refreshReadsTheExpiryFromTheTokenAndFallsBackOnTheAppPassword() {
        long exp = Instant.parse("2026-07-14T12:00:00Z").getEpochSecond();
        String jwt = jwt("{\"scope\":\"com.atproto.appPass\",\"sub\":\"" + DID + "\",\"exp\":" + exp + "}");
        route("com.atproto.server.refreshSession", 200, session(jwt));
        Credentials renewed = connector.refresh().orElseThrow().refresh(account());
        assertThat(renewed.expiresAt()).isEqualTo(Instant.ofEpochSecond(exp));
        assertThat(renewed.accessToken()).isEqualTo(jwt);
        assertThat(calls.get(0).authorization()).isEqualTo("Bearer refresh-1");

        // the refresh token is refused: a new session with the app password kept in the vault
        route("com.atproto.server.refreshSession", 400, "{\"error\":\"ExpiredToken\"}");
        route("com.atproto.server.createSession", 200, session(jwt));
        AccountContext withPassword = new AccountContext(UUID.randomUUID(), DID, "@ville.test", base(),
                new Credentials("a", "r", Instant.now(), Map.of("did", DID, "service", base().toString(),
                        "appPassword", "abcd-efgh-ijkl-mnop")));
        assertThat(connector.refresh().orElseThrow().refresh(withPassword).accessToken()).isEqualTo(jwt);
        assertThat(calls.get(calls.size() - 1).body()).contains("\"identifier\":\"" + DID + "\"");

        // without app password, or when it is refused too: reconnection
        assertThatThrownBy(() -> connector.refresh().orElseThrow().refresh(account()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH_REVOKED);
                    assertThat(e.messageKey()).isEqualTo("bluesky.sessionRefused");
                });
        route("com.atproto.server.createSession", 401, "{\"error\":\"AuthenticationRequired\"}");
        assertThatThrownBy(() -> connector.refresh().orElseThrow().refresh(withPassword))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bluesky.appPasswordRefused"));
    }

    @Test
    void connectionRefusesAWrongPasswordAndTheMainPassword() {
        ConnectFlow.AppPassword flow = (ConnectFlow.AppPassword) connector.connectFlow();
        route("com.atproto.server.createSession", 401,
                "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
        assertThatThrownBy(() -> flow.connect("ville.test", "faux", base()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bluesky.badPassword"));
        route("com.atproto.server.createSession", 401,
                "{\"error\":\"AuthFactorTokenRequired\",\"message\":\"A sign in code has been sent\"}");
        assertThatThrownBy(() -> flow.connect("ville.test", "principal", base()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bluesky.appPasswordRequired"));
        routes.remove("com.atproto.server.createSession");
        assertThatThrownBy(() -> flow.connect("ville.test", "x", base()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isNotNull());
    }

    @Test
    void connectionOpensASessionOnThePdsOfTheDidDocument() {
        String jwt = jwt("{\"exp\":" + Instant.now().plusSeconds(7200).getEpochSecond() + "}");
        routes.put("com.atproto.server.createSession", exchange -> answer(exchange, 200, """
                {"did":"%s","handle":"ville.test","accessJwt":"%s","refreshJwt":"r",
                 "didDoc":{"id":"%s","service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer",
                 "serviceEndpoint":"%s"}]}}""".formatted(DID, jwt, DID, base())));
        route("com.atproto.server.getSession", 200, "{\"did\":\"" + DID + "\",\"handle\":\"ville.test\"}");
        route("app.bsky.actor.getProfile", 200,
                "{\"did\":\"" + DID + "\",\"handle\":\"ville.test\",\"displayName\":\"Ville\",\"followersCount\":12}");
        ConnectedAccount connected = ((ConnectFlow.AppPassword) connector.connectFlow())
                .connect("@ville.test", "abcd-efgh-ijkl-mnop", base());
        assertThat(connected.baseUrl()).isEqualTo(base());
        assertThat(connected.info().externalId()).isEqualTo(DID);
        assertThat(connected.info().handle()).isEqualTo("@ville.test");
        assertThat(connected.info().followers()).isEqualTo(12);
        assertThat(connected.credentials().extra("appPassword")).isEqualTo("abcd-efgh-ijkl-mnop");
        assertThat(connected.credentials().toString()).doesNotContain("abcd-efgh").doesNotContain(jwt);
        assertThat(calls.get(0).body()).contains("\"identifier\":\"ville.test\"");
    }

    // ---- Limits, server errors, transport ------------------------------------------------------

    @Test
    void rateLimitGivesTheTimeOfTheReset() {
        Instant reset = Instant.parse("2026-07-14T14:05:00Z");
        routes.put("com.atproto.server.getSession", exchange -> answer(exchange, 429,
                "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}",
                Map.of("ratelimit-limit", "3000", "ratelimit-remaining", "0", "ratelimit-reset",
                        String.valueOf(reset.getEpochSecond()))));
        ConnectorException e = describeFails();
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(reset);
        assertThat(e.messageKey()).isEqualTo("connector.rateLimitedUntil");
        assertThat(e.arguments()).containsExactly("16:05");
    }

    @Test
    void serverErrorsAreTransientAndAPublicationMayHaveHappened() {
        route("com.atproto.server.getSession", 503, "");
        assertThat(describeFails().kind()).isEqualTo(Kind.UNAVAILABLE);
        route("com.atproto.repo.createRecord", 502, "<html>Bad gateway</html>");
        assertThatThrownBy(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("Bonjour")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
    }

    @Test
    void timeoutsAreTransientForReadsAndUnknownForPublications() {
        Consumer<HttpExchange> slow = exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        };
        routes.put("com.atproto.server.getSession", slow);
        ConnectorException read = describeFails();
        assertThat(read.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(read.messageKey()).isEqualTo("bluesky.timeout");
        routes.put("com.atproto.repo.createRecord", slow);
        assertThatThrownBy(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("Bonjour")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
    }

    @Test
    void malformedAnswersAreReported() {
        route("com.atproto.server.getSession", 200, "{pas du json");
        assertThat(describeFails().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        route("com.atproto.server.getSession", 200, "[1,2]");
        assertThat(describeFails().messageKey()).isEqualTo("connector.malformed");
        route("com.atproto.server.getSession", 200, "{\"handle\":\"sans-did.test\"}");
        assertThat(describeFails().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        route("com.atproto.server.getSession", 200, "{\"did\":\"" + DID + "\",\"handle\":\""
                + "x".repeat(Xrpc.MAX_ANSWER_BYTES) + "\"}");
        assertThat(describeFails().kind()).as("an answer over 8 MB is not read").isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aRefusedConnectionNamesTheServer() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        AccountContext account = new AccountContext(UUID.randomUUID(), DID, "@ville.test",
                URI.create("http://127.0.0.1:" + closed), Credentials.of("t"));
        assertThatThrownBy(() -> connector.describe(account)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.messageKey()).isEqualTo("bluesky.unreachable");
            assertThat(e.arguments()).containsExactly("127.0.0.1:" + closed);
        });
        // a publication that could not even connect did not happen: it is safe to retry
        assertThatThrownBy(() -> connector.publishing().orElseThrow().publish(account, PostDraft.text("Bonjour")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        AccountContext account = new AccountContext(UUID.randomUUID(), DID, "@ville.test",
                URI.create("http://10.1.2.3"), Credentials.of("t"));
        assertThatThrownBy(() -> connector.describe(account)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("outbound.private"));
        assertThat(calls).isEmpty();
    }

    // ---- Refused before any call, and what is sent --------------------------------------------

    @Test
    void refusesTooLongTextTooManyImagesAndHeavyImagesBeforeAnyCall() {
        var publishing = connector.publishing().orElseThrow();
        String tooLong = "é".repeat(300) + "👨‍👩‍👧";
        assertThat(connector.profile().counter().count(tooLong)).isEqualTo(301);
        assertThatThrownBy(() -> publishing.publish(account(), PostDraft.text(tooLong)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("draft.textTooLong");
                    assertThat(e.arguments()).containsExactly(1, 300);
                });
        List<ImageAttachment> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new ImageAttachment(PNG, "image/png", "Image " + i));
        }
        assertThatThrownBy(() -> publishing.publish(account(), new PostDraft("Cinq images", five, null, null, "fr",
                null))).isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("draft.tooManyImages"));
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        assertThatThrownBy(() -> publishing.publish(account(), new PostDraft("Lourde", List.of(new ImageAttachment(
                twoMegabytes, "image/png", "Plan")), null, null, "fr", null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("draft.imageTooLarge");
                    assertThat(e.arguments()).containsExactly(1, 2048, 1953L);
                });
        // a link appended to a text already at the limit is refused too
        assertThatThrownBy(() -> publishing.publish(account(), new PostDraft("a".repeat(300), List.of(),
                URI.create("https://ville.example/a"), null, "fr", null)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bluesky.textTooLongWithLink"));
        assertThat(calls).as("no request reached the network").isEmpty();
    }

    @Test
    void sendsFacetsImagesAndReplyReferences() {
        route("com.atproto.identity.resolveHandle", 200, "{\"did\":\"did:plc:camille\"}");
        route("com.atproto.repo.uploadBlob", 200,
                "{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreiabc\"},\"mimeType\":\"image/png\",\"size\":70}}");
        route("com.atproto.repo.getRecord", 200, """
                {"uri":"at://did:plc:other/app.bsky.feed.post/3parent","cid":"bafyparent",
                 "value":{"text":"parent","reply":{"root":{"uri":"at://did:plc:other/app.bsky.feed.post/3root",
                 "cid":"bafyroot"},"parent":{"uri":"x","cid":"y"}}}}""");
        route("com.atproto.repo.createRecord", 200,
                "{\"uri\":\"at://" + DID + "/app.bsky.feed.post/3kpost\",\"cid\":\"bafypost\"}");
        var post = connector.publishing().orElseThrow().publish(account(), new PostDraft(
                "Fête 🎉 avec @camille.test #Été", List.of(new ImageAttachment(PNG, "image/png", "Affiche de la fête")),
                URI.create("https://ville.example/fête"), "at://did:plc:other/app.bsky.feed.post/3parent", "fr", "k"));
        assertThat(post.externalId()).isEqualTo("at://" + DID + "/app.bsky.feed.post/3kpost");
        Call upload = calls.stream().filter(c -> c.path().endsWith("uploadBlob")).findFirst().orElseThrow();
        assertThat(upload.authorization()).isEqualTo("Bearer access-1");
        JsonNode record = json.readTree(calls.get(calls.size() - 1).body()).get("record");
        String text = record.get("text").asString();
        assertThat(text).isEqualTo("Fête 🎉 avec @camille.test #Été\n\nhttps://ville.example/fête");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> slices = new ArrayList<>();
        record.get("facets").forEach(f -> slices.add(new String(bytes, f.get("index").get("byteStart").asInt(),
                f.get("index").get("byteEnd").asInt() - f.get("index").get("byteStart").asInt(),
                StandardCharsets.UTF_8)));
        assertThat(slices).containsExactly("@camille.test", "#Été", "https://ville.example/fête");
        assertThat(record.get("embed").get("images").get(0).get("alt").asString()).isEqualTo("Affiche de la fête");
        assertThat(record.get("embed").get("images").get(0).get("image").get("ref").get("$link").asString())
                .isEqualTo("bafkreiabc");
        assertThat(record.get("reply").get("root").get("uri").asString())
                .isEqualTo("at://did:plc:other/app.bsky.feed.post/3root");
        assertThat(record.get("reply").get("parent").get("cid").asString()).isEqualTo("bafyparent");
        assertThat(record.get("langs").get(0).asString()).isEqualTo("fr");
    }

    static String session(String jwt) {
        return "{\"did\":\"" + DID + "\",\"handle\":\"ville.test\",\"accessJwt\":\"" + jwt
                + "\",\"refreshJwt\":\"refresh-2\"}";
    }

    static String jwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"ES256K\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}

package fr.parvis.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.RateLimitState;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.shared.InvalidInputException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the connector reads every failure an instance can give: status codes (with the documented
 * {@code {"error": …}} bodies), {@code X-RateLimit-*}, timeouts, refused connections, malformed
 * answers, and wrong instance addresses at connection time.
 */
class MastodonErrorMappingTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-11-28T15:00:00Z");
    static final String STATUS = """
            {"id":"103254962155278888","created_at":"2019-12-05T11:34:47.196Z","in_reply_to_id":null,
             "visibility":"public","language":"fr","uri":"https://mastodon.test/users/ville/statuses/103254962155278888",
             "url":"https://mastodon.test/@ville/103254962155278888","replies_count":7,"reblogs_count":98,
             "favourites_count":112,"content":"<p>Hello world</p>","account":{"id":"1","username":"ville","acct":"ville"},
             "media_attachments":[],"mentions":[],"tags":[],"emojis":[],"card":null,"poll":null}
            """;

    final UUID accountId = UUID.randomUUID();
    final MastodonRateLimits rateLimits = new MastodonRateLimits(Clock.fixed(NOW, ZoneOffset.UTC));
    final MastodonConnector connector = connector(List.of("localhost"), Duration.ofMillis(2_000));

    MastodonConnector connector(List<String> allowed, Duration readTimeout) {
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(allowed, Duration.ofSeconds(2), readTimeout));
        return new MastodonConnector(guard, Clock.fixed(NOW, ZoneOffset.UTC), rateLimits,
                new MastodonSettings(Duration.ofMillis(20), Duration.ofMillis(300), 40));
    }

    AccountContext account() {
        return new AccountContext(accountId, "1", "@ville@mastodon.test", URI.create(wm.baseUrl()),
                Credentials.of("token"));
    }

    static String error(String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    static void assertKind(ThrowingCallable call, Kind kind, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    // ---- Status codes -----------------------------------------------------------------------------

    @Test
    void unauthorizedMeansTheTokenWasRevoked() {
        wm.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(aResponse().withStatus(401).withBody(error("The access token is invalid"))));
        assertThatThrownBy(() -> connector.describe(account())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTH_REVOKED);
            assertThat(e.needsReconnection()).isTrue();
            assertThat(e.messageKey()).isEqualTo("connector.authRevoked");
        });
    }

    @Test
    void forbiddenIsARefusalOrAMissingScope() {
        wm.stubFor(delete("/api/v1/statuses/9")
                .willReturn(aResponse().withStatus(403).withBody(error("This action is not allowed"))));
        assertThatThrownBy(() -> connector.publishing().orElseThrow().delete(account(), "9"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("mastodon.forbidden");
                    assertThat(e.arguments()).containsExactly("This action is not allowed");
                });
        wm.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(aResponse().withStatus(403)
                .withBody(error("This action is outside the authorized scopes"))));
        assertKind(() -> connector.describe(account()), Kind.AUTH_REVOKED, "mastodon.missingScope");
    }

    @Test
    void notFoundIsEmptyOnReadFineOnDeleteAndNotFoundElsewhere() {
        wm.stubFor(get("/api/v1/statuses/404").willReturn(aResponse().withStatus(404).withBody(error("Record not found"))));
        wm.stubFor(delete("/api/v1/statuses/404")
                .willReturn(aResponse().withStatus(404).withBody(error("Record not found"))));
        assertThat(connector.publishing().orElseThrow().read(account(), "404")).isEmpty();
        connector.publishing().orElseThrow().delete(account(), "404");
        assertKind(() -> connector.metrics().orElseThrow().post(account(), "404"), Kind.NOT_FOUND, "connector.notFound");
    }

    @Test
    void unprocessableCarriesTheServersText() {
        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(422)
                .withBody(error("Validation failed: Text can't be blank"))));
        assertThatThrownBy(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("x")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("connector.invalid");
                    assertThat(e.arguments()).containsExactly("Validation failed: Text can't be blank");
                });
    }

    @Test
    void tooManyRequestsWaitsUntilTheReset() {
        wm.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "2026-11-28T15:03:17.164Z").withBody(error("Too many requests"))));
        assertThatThrownBy(() -> connector.describe(account())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-11-28T15:03:17.164Z"));
        });
        MastodonRateLimit state = connector.rateLimit(accountId).orElseThrow();
        assertThat(state.remaining()).isZero();
        assertThat(state.low()).isTrue();
    }

    @Test
    void saysWhenFewCallsAreLeft() {
        wm.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(okJson("{\"id\":\"1\",\"username\":\"ville\"}")
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "12")
                .withHeader("X-RateLimit-Reset", "2026-11-28T15:04:00.000Z")));
        connector.describe(account());
        MastodonRateLimit state = connector.rateLimit(accountId).orElseThrow();
        assertThat(state).isEqualTo(new MastodonRateLimit(300, 12, Instant.parse("2026-11-28T15:04:00Z"), NOW));
        assertThat(state.low()).isTrue();
        assertThat(new MastodonRateLimit(300, 31, null, NOW).low()).isFalse();
        assertThat(connector.rateLimit(UUID.randomUUID())).isEmpty();
        assertThat(connector.rateLimitState(accountId))
                .contains(new RateLimitState(300, 12, Instant.parse("2026-11-28T15:04:00Z")));
        assertThat(connector.rateLimitState(UUID.randomUUID())).isEmpty();
    }

    @Test
    void serverErrorsAreUnavailableExceptAGatewayTimeoutOnPublishing() {
        for (int status : new int[] {500, 502, 503}) {
            wm.stubFor(get("/api/v1/statuses/1").willReturn(aResponse().withStatus(status)));
            assertKind(() -> connector.publishing().orElseThrow().read(account(), "1"), Kind.UNAVAILABLE,
                    "connector.unavailable");
        }
        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(503)));
        assertKind(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("x")),
                Kind.UNAVAILABLE, "connector.unavailable");
        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(504)));
        assertKind(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("x")),
                Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown");
    }

    // ---- Transport ----------------------------------------------------------------------------------

    @Test
    void aReadTimeoutIsUnavailableButAPublicationTimeoutIsOutcomeUnknown() {
        wm.stubFor(get("/api/v1/statuses/1").willReturn(okJson(STATUS).withFixedDelay(4_000)));
        assertKind(() -> connector.publishing().orElseThrow().read(account(), "1"), Kind.UNAVAILABLE,
                "mastodon.timeout");
        wm.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS).withFixedDelay(4_000)));
        assertKind(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("x")),
                Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown");
    }

    @Test
    void aBrokenConnectionDuringPublicationIsOutcomeUnknown() {
        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertKind(() -> connector.publishing().orElseThrow().publish(account(), PostDraft.text("x")),
                Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown");
        wm.stubFor(get("/api/v1/statuses/1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertKind(() -> connector.publishing().orElseThrow().read(account(), "1"), Kind.UNAVAILABLE,
                "connector.unavailable");
    }

    @Test
    void aRefusedConnectionIsUnavailableEvenForAPublication() throws IOException {
        AccountContext closed = new AccountContext(accountId, "1", "@ville@mastodon.test",
                URI.create("http://localhost:" + freePort()), Credentials.of("token"));
        assertKind(() -> connector.publishing().orElseThrow().publish(closed, PostDraft.text("x")), Kind.UNAVAILABLE,
                "connector.unavailable");
    }

    @Test
    void malformedAnswersAreReported() {
        wm.stubFor(get("/api/v1/statuses/1").willReturn(okJson("{\"id\": \"1\", \"content\": ")));
        assertKind(() -> connector.publishing().orElseThrow().read(account(), "1"), Kind.MALFORMED_RESPONSE,
                "connector.malformed");
        wm.stubFor(get("/api/v1/statuses/2").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));
        assertKind(() -> connector.publishing().orElseThrow().read(account(), "2"), Kind.MALFORMED_RESPONSE,
                "connector.malformed");
        wm.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(okJson("{\"error\":\"not a list\"}")));
        assertKind(() -> connector.interactions().orElseThrow().since(account(), Cursor.START),
                Kind.MALFORMED_RESPONSE, "connector.malformed");
    }

    @Test
    void redirectsAreNotFollowed() {
        wm.stubFor(get("/api/v1/statuses/1").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data")));
        assertKind(() -> connector.publishing().orElseThrow().read(account(), "1"), Kind.MALFORMED_RESPONSE,
                "mastodon.redirected");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/statuses/1")));
    }

    // ---- Media and paging -------------------------------------------------------------------------

    @Test
    void givesUpOnAMediaThatIsNeverProcessed() {
        wm.stubFor(post("/api/v2/media").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"22348641\",\"type\":\"image\",\"url\":null,\"description\":\"Un parc\"}")));
        wm.stubFor(get("/api/v1/media/22348641").willReturn(aResponse().withStatus(206)));
        assertKind(() -> connector.publishing().orElseThrow().publish(account(), new PostDraft("Le parc",
                List.of(new ImageAttachment(new byte[] {1, 2, 3}, "image/png", "Un parc")), null, null, "fr", null)),
                Kind.UNAVAILABLE, "mastodon.mediaProcessing");
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void resumesFromThePrevLinkOfTheTimeline() {
        wm.stubFor(get(urlPathMatching("/api/v1/accounts/1/statuses")).willReturn(okJson("[" + STATUS + "]")
                .withHeader("Link", "<" + wm.baseUrl() + "/api/v1/accounts/1/statuses?max_id=103254962155278888>;"
                        + " rel=\"next\", <" + wm.baseUrl()
                        + "/api/v1/accounts/1/statuses?min_id=103254962155278888>; rel=\"prev\"")));
        PostPage page = connector.timeline().orElseThrow().posts(account(), new Cursor("100"));
        assertThat(page.items()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("Hello world");
            assertThat(p.publishedAt()).isEqualTo(Instant.parse("2019-12-05T11:34:47.196Z"));
        });
        assertThat(page.next()).isEqualTo(new Cursor("103254962155278888"));
        assertThat(page.more()).isFalse();
        wm.verify(getRequestedFor(urlEqualTo(
                "/api/v1/accounts/1/statuses?exclude_reblogs=true&limit=40&min_id=100")));
    }

    @Test
    void countsWithoutImpressions() {
        wm.stubFor(get("/api/v1/statuses/103254962155278888").willReturn(okJson(STATUS)));
        var metrics = connector.metrics().orElseThrow().post(account(), "103254962155278888");
        assertThat(metrics.reactions()).isEqualTo(112);
        assertThat(metrics.shares()).isEqualTo(98);
        assertThat(metrics.comments()).isEqualTo(7);
        assertThat(metrics.impressions()).isNull();
        assertThat(metrics.reach()).isNull();
        assertThat(metrics.measuredAt()).isEqualTo(NOW);
    }

    // ---- Connection to a wrong instance -------------------------------------------------------------

    @Test
    void refusesWhatIsNotAMastodonInstance() {
        ConnectFlow.OAuth flow = (ConnectFlow.OAuth) connector.connectFlow();
        URI redirect = URI.create("https://parvis.example/retour");
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(404).withBody("<h1>Not Found</h1>")));
        assertConnectionRefused(() -> flow.start(URI.create(wm.baseUrl()), redirect, "s"), "mastodon.notMastodon");
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(200).withBody("<html>Blog</html>")));
        assertConnectionRefused(() -> flow.start(URI.create(wm.baseUrl()), redirect, "s"), "mastodon.notMastodon");
        wm.stubFor(post("/api/v1/apps").willReturn(okJson("{\"name\":\"Parvis\"}")));
        assertConnectionRefused(() -> flow.start(URI.create(wm.baseUrl()), redirect, "s"), "mastodon.notMastodon");
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(422)
                .withBody(error("Validation failed: Redirect URI must be an absolute URI."))));
        assertConnectionRefused(() -> flow.start(URI.create(wm.baseUrl()), redirect, "s"), "mastodon.appRefused");
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", "2026-11-28T15:05:00.000Z")));
        assertThatThrownBy(() -> flow.start(URI.create(wm.baseUrl()), redirect, "s"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
    }

    @Test
    void refusesUnreachablePrivateAndUnknownInstances() throws IOException {
        ConnectFlow.OAuth flow = (ConnectFlow.OAuth) connector.connectFlow();
        URI redirect = URI.create("https://parvis.example/retour");
        assertConnectionRefused(() -> flow.start(URI.create("http://localhost:" + freePort()), redirect, "s"),
                "mastodon.unreachable");

        ConnectFlow.OAuth guarded = (ConnectFlow.OAuth) connector(List.of(), Duration.ofSeconds(1)).connectFlow();
        assertThatThrownBy(() -> guarded.start(URI.create(wm.baseUrl()), redirect, "s"))
                .isInstanceOfSatisfying(UnsafeUrlException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("outbound.private");
                    assertThat(e.field()).isEqualTo("server");
                });
        assertThatThrownBy(() -> guarded.start(URI.create("https://instance.invalid"), redirect, "s"))
                .isInstanceOfSatisfying(UnsafeUrlException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("outbound.unknownHost"));
        assertThatThrownBy(() -> guarded.start(URI.create("ftp://mastodon.social"), redirect, "s"))
                .isInstanceOfSatisfying(UnsafeUrlException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("outbound.scheme"));
        assertThatThrownBy(() -> guarded.start(URI.create(""), redirect, "s"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("mastodon.serverRequired"));
        // an account whose instance now resolves to a private address is refused too, before any call
        assertKind(() -> connector(List.of(), Duration.ofSeconds(1)).describe(account()), Kind.INVALID_REQUEST,
                "outbound.private");
    }

    private static void assertConnectionRefused(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).isEqualTo("server");
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

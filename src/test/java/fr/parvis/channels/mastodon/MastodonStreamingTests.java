package fr.parvis.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/streaming/user/notification}: server-sent events as the documentation shows them. */
class MastodonStreamingTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The documentation's example notification, reduced to what the connector reads. */
    static final String MENTION = """
            {"id":"68739215","type":"mention","created_at":"2022-08-30T23:09:54.070Z","account":{"id":"108892712797543112","username":"a","acct":"a@pl.nulled.red","display_name":"a"},"status":{"id":"108914343542683797","created_at":"2022-08-30T23:09:52.359Z","in_reply_to_id":null,"in_reply_to_account_id":null,"visibility":"unlisted","url":"https://pl.nulled.red/objects/64b196c6","content":"<span class=\\"h-card\\"><a class=\\"u-url mention\\" href=\\"https://mastodon.test/@ville\\" rel=\\"nofollow noopener noreferrer\\" target=\\"_blank\\">@<span>ville</span></a></span> la fontaine fuit &amp; d&#39;autres soucis","account":{"id":"108892712797543112","username":"a","acct":"a@pl.nulled.red"},"mentions":[{"id":"1","username":"ville","url":"https://mastodon.test/@ville","acct":"ville"}]}}""";
    static final String FAVOURITE = """
            {"id":"68739216","type":"favourite","created_at":"2022-08-30T23:10:00.000Z","account":{"id":"5","username":"b","acct":"b","display_name":"Bea"},"status":{"id":"1001","created_at":"2022-08-30T20:00:00.000Z","in_reply_to_id":null,"visibility":"public","content":"<p>Notre message</p>","account":{"id":"1","username":"ville","acct":"ville"},"mentions":[]}}""";
    static final String FOLLOW = """
            {"id":"68739217","type":"follow","created_at":"2022-08-30T23:11:00.000Z","account":{"id":"6","username":"c","acct":"c"}}""";
    static final String STREAM = ":)\n\n"
            + "event: notification\ndata: " + MENTION + "\n\n"
            + ":thump\n\n"
            + "event: update\ndata: {\"id\":\"1\"}\n\n"
            + "event: notification\ndata: " + FOLLOW + "\n\n"
            + "event: notification\ndata: " + FAVOURITE + "\n\n";

    final MastodonConnector connector = new MastodonConnector(
            new OutboundGuard(new OutboundProperties(List.of("localhost"), Duration.ofSeconds(1), Duration.ofSeconds(2))),
            Clock.systemUTC(), new MastodonRateLimits(Clock.systemUTC()));

    AccountContext account() {
        return new AccountContext(UUID.randomUUID(), "1", "@ville@mastodon.test", URI.create(wm.baseUrl()),
                Credentials.of("token"));
    }

    @Test
    void receivesTwoNotificationsThenTheStreamEnds() throws Exception {
        wm.stubFor(get(MastodonStreaming.PATH).withHeader("Authorization", equalTo("Bearer token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(STREAM)));
        List<Interaction> received = new CopyOnWriteArrayList<>();
        MastodonStreaming.Subscription subscription = (MastodonStreaming.Subscription) connector.push().orElseThrow()
                .subscribe(account(), received::add);
        subscription.thread().join(TimeUnit.SECONDS.toMillis(5));
        assertThat(subscription.running()).isFalse();
        assertThat(received).hasSize(2);
        Interaction mention = received.get(0);
        assertThat(mention.type()).isEqualTo(InteractionType.MENTION);
        assertThat(mention.externalId()).isEqualTo("108914343542683797");
        assertThat(mention.text()).isEqualTo("la fontaine fuit & d'autres soucis");
        assertThat(mention.author().handle()).isEqualTo("@a@pl.nulled.red");
        assertThat(mention.raw()).contains("\"id\":\"68739215\"");
        Interaction favourite = received.get(1);
        assertThat(favourite.type()).isEqualTo(InteractionType.REACTION);
        assertThat(favourite.postExternalId()).isEqualTo("1001");
        assertThat(favourite.author().handle()).isEqualTo("@b@mastodon.test");
        subscription.close();
        wm.verify(getRequestedFor(urlEqualTo(MastodonStreaming.PATH)).withHeader("Accept",
                equalTo("text/event-stream")));
    }

    @Test
    void closingStopsAStreamThatIsStillOpen() throws Exception {
        String longStream = STREAM + ":thump\n\n".repeat(3_000);
        wm.stubFor(get(MastodonStreaming.PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(longStream)
                .withChunkedDribbleDelay(300, 30_000)));
        List<Interaction> received = new CopyOnWriteArrayList<>();
        MastodonStreaming.Subscription subscription = (MastodonStreaming.Subscription) connector.push().orElseThrow()
                .subscribe(account(), received::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received).hasSize(2);
        assertThat(subscription.running()).isTrue();
        subscription.close();
        subscription.thread().join(TimeUnit.SECONDS.toMillis(3));
        assertThat(subscription.running()).isFalse();
    }

    @Test
    void followsOneRedirectToTheStreamingHost() throws Exception {
        wm.stubFor(get(MastodonStreaming.PATH).willReturn(aResponse().withStatus(301)
                .withHeader("Location", wm.baseUrl() + "/streaming" + MastodonStreaming.PATH)));
        wm.stubFor(get("/streaming" + MastodonStreaming.PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
        List<Interaction> received = new CopyOnWriteArrayList<>();
        MastodonStreaming.Subscription subscription = (MastodonStreaming.Subscription) connector.push().orElseThrow()
                .subscribe(account(), received::add);
        subscription.thread().join(TimeUnit.SECONDS.toMillis(5));
        assertThat(received).hasSize(2);
    }

    @Test
    void anInvalidTokenFailsAtOnce() {
        wm.stubFor(get(MastodonStreaming.PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"The access token is invalid\"}")));
        assertThatThrownBy(() -> connector.push().orElseThrow().subscribe(account(), i -> { }))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.AUTH_REVOKED));
    }
}

package fr.parvis.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.shared.InvalidInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector test kit against {@link FakeMastodon}, plus what the kit cannot see: the OAuth flow
 * with PKCE, the idempotency key, media processing, scheduling, paging, the mapping of
 * notifications, and that blocking and reporting reach the instance.
 */
class MastodonConnectorContractTests extends ConnectorContractTests {

    static FakeMastodon fake;
    static MastodonConnector connector;
    static MastodonRateLimits rateLimits;
    static final UUID ACCOUNT_ID = UUID.fromString("6f1c2b7e-0000-4000-8000-000000000001");

    @BeforeAll
    static void start() {
        fake = new FakeMastodon();
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of("localhost"), Duration.ofSeconds(2),
                Duration.ofSeconds(5)));
        rateLimits = new MastodonRateLimits(Clock.systemUTC());
        connector = new MastodonConnector(guard, Clock.systemUTC(), rateLimits,
                new MastodonSettings(Duration.ofMillis(50), Duration.ofSeconds(5), 40));
    }

    @AfterAll
    static void stop() {
        fake.shutdown();
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected AccountContext account() {
        return new AccountContext(ACCOUNT_ID, fake.city.id(), "@ville@" + FakeMastodon.DOMAIN, fake.baseUrl(),
                new Credentials(fake.city.token(), null, null, Map.of("clientId", "client-1", "clientSecret", "s")));
    }

    AccountContext citizen() {
        return new AccountContext(UUID.randomUUID(), fake.citizen.id(), "@habitante@autre.example", fake.baseUrl(),
                Credentials.of(fake.citizen.token()));
    }

    @Override
    protected AccountContext accountWithInvalidCredentials() {
        return new AccountContext(UUID.randomUUID(), fake.city.id(), "@ville@" + FakeMastodon.DOMAIN, fake.baseUrl(),
                Credentials.of("revoked-token"));
    }

    @Override
    protected Audience audience() {
        return (post, text) -> connector.publishing().orElseThrow()
                .publish(citizen(), new PostDraft(text, List.of(), null, post.externalId(), "fr", null));
    }

    @Override
    protected Map<String, Integer> countingExamples() {
        Map<String, Integer> examples = new LinkedHashMap<>();
        examples.put("Bonjour", 7);
        // every URL counts 23, however long
        examples.put("Programme : https://www.ville-exemple.fr/agenda/fete-de-la-musique-2026?quartier=centre", 12 + 23);
        examples.put("https://a.fr", 23);
        // a remote mention counts its local part only
        examples.put("Merci @camille@autre.example !", "Merci @camille !".length());
        // one emoji is one character, even when made of several code points (family, flag, skin tone)
        examples.put("Famille 👨‍👩‍👧 🇫🇷 👍🏽", 8 + 1 + 1 + 1 + 1 + 1);
        examples.put("e\u0301te\u0301", 3);
        return examples;
    }

    @Override
    protected boolean publiclyVisible(Interaction interaction) {
        return true; // Mastodon cannot hide or delete others' statuses: see blocksAndReportsTheAuthor
    }

    @Override
    protected Duration propagation() {
        return Duration.ofSeconds(5);
    }

    // ---- OAuth ----------------------------------------------------------------------------------

    @Test
    void connectsWithAnAppRegistrationAndPkce() {
        ConnectFlow.OAuth flow = (ConnectFlow.OAuth) connector.connectFlow();
        URI redirect = URI.create("https://parvis.example/comptes/mastodon/retour");
        ConnectFlow.OAuthStart start = flow.start(fake.baseUrl(), redirect, "etat-123");

        List<LoggedRequest> registrations = fake.server().findAll(postRequestedFor(urlEqualTo("/api/v1/apps")));
        LoggedRequest registration = registrations.get(registrations.size() - 1);
        assertThat(registration.getBodyAsString()).contains("\"scopes\":\"read write\"")
                .contains("\"redirect_uris\":[\"https://parvis.example/comptes/mastodon/retour\"]");
        Map<String, String> query = FakeMastodon.query(start.authorizationUrl().getRawQuery());
        assertThat(start.authorizationUrl().getPath()).isEqualTo("/oauth/authorize");
        assertThat(query).containsEntry("response_type", "code").containsEntry("scope", "read write")
                .containsEntry("state", "etat-123").containsEntry("redirect_uri", redirect.toString())
                .containsEntry("client_id", start.pending().clientId()).containsEntry("code_challenge_method", "S256");
        assertThat(query.get("code_challenge")).isEqualTo(FakeMastodon.s256(start.pending().codeVerifier()));
        assertThat(start.pending().codeVerifier()).matches("[A-Za-z0-9_-]{43,128}");
        assertThat(start.pending().toString()).doesNotContain(start.pending().clientSecret());

        String code = fake.authorize(start.authorizationUrl());
        ConnectedAccount account = flow.finish(start.pending(), code, redirect);
        assertThat(account.info().externalId()).isEqualTo(fake.city.id());
        assertThat(account.info().handle()).isEqualTo("@ville@" + FakeMastodon.DOMAIN);
        assertThat(account.info().followers()).isEqualTo(1234L);
        assertThat(account.info().avatarUrl()).hasPath("/avatars/ville.png");
        assertThat(account.baseUrl()).isEqualTo(fake.baseUrl());
        assertThat(account.credentials().accessToken()).isEqualTo(fake.city.token());
        assertThat(account.credentials().extra()).containsKeys("clientId", "clientSecret");
        List<LoggedRequest> tokens = fake.server().findAll(postRequestedFor(urlEqualTo("/oauth/token")));
        LoggedRequest token = tokens.get(tokens.size() - 1);
        assertThat(FakeMastodon.query(token.getBodyAsString())).containsEntry("grant_type", "authorization_code")
                .containsEntry("code_verifier", start.pending().codeVerifier());
    }

    @Test
    void refusesAWrongVerifierOrAReusedCode() {
        ConnectFlow.OAuth flow = (ConnectFlow.OAuth) connector.connectFlow();
        URI redirect = URI.create("https://parvis.example/retour");
        ConnectFlow.OAuthStart start = flow.start(fake.baseUrl(), redirect, "s");
        String code = fake.authorize(start.authorizationUrl());
        ConnectFlow.OAuthStart.Pending forged = new ConnectFlow.OAuthStart.Pending(start.pending().server(),
                start.pending().clientId(), start.pending().clientSecret(), MastodonOAuth.verifier());
        assertThatThrownBy(() -> flow.finish(forged, code, redirect)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("mastodon.authorizationRefused"));
    }

    @Test
    void assumesHttpsWhenTheSchemeIsMissing() {
        ConnectFlow.OAuth flow = (ConnectFlow.OAuth) connector.connectFlow();
        // typed without scheme, Parvis assumes https: the fake speaks http only, so the instance does not answer
        assertThatThrownBy(() -> flow.start(URI.create("localhost:" + fake.server().port()),
                URI.create("https://parvis.example/retour"), "s"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("mastodon.unreachable"));
    }

    // ---- Publishing -------------------------------------------------------------------------------

    @Test
    void sendsAStableIdempotencyKey() {
        PostDraft draft = new PostDraft(unique("Travaux rue Pasteur"), List.of(), null, null, "fr", "publication-42");
        PublishedPost first = publishing().publish(account(), draft);
        PublishedPost retry = publishing().publish(account(), draft);
        assertThat(retry.externalId()).isEqualTo(first.externalId());
        fake.server().verify(exactly(2), postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("publication-42")));

        PostDraft withoutKey = PostDraft.text(unique("Sans clé fournie"));
        PublishedPost once = publishing().publish(account(), withoutKey);
        PublishedPost again = publishing().publish(account(), withoutKey);
        assertThat(again.externalId()).isEqualTo(once.externalId());
        List<String> keys = fake.server().findAll(postRequestedFor(urlEqualTo("/api/v1/statuses"))).stream()
                .filter(r -> r.getBodyAsString().contains("Sans clé fournie"))
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).doesNotContainNull();
        assertThat(keys.get(0)).isEqualTo(keys.get(1));
    }

    @Test
    void sendsLanguageReplyAndReadsHtmlBackAsText() {
        PublishedPost root = publishing().publish(account(), PostDraft.text(unique("Fête de la musique")));
        String text = "L'été arrive !\n\nProgramme & horaires : https://www.ville-exemple.fr/agenda/fete-de-la-musique"
                + "\nÀ bientôt <3";
        PublishedPost reply = publishing().publish(account(),
                new PostDraft(text, List.of(), null, root.externalId(), "fr", null));
        assertThat(reply.text()).isEqualTo(text);
        assertThat(fake.status(reply.externalId()).path("content").asString()).contains("<p>", "&#39;", "&amp;",
                "<br />", "class=\"invisible\"");
        assertThat(fake.status(reply.externalId()).path("in_reply_to_id").asString()).isEqualTo(root.externalId());
        assertThat(fake.status(reply.externalId()).path("language").asString()).isEqualTo("fr");
    }

    @Test
    void waitsForMediaProcessingWithAltText() {
        fake.processingPolls = 2;
        try {
            PublishedPost post = publishing().publish(account(), new PostDraft(unique("Le marché de Noël"),
                    List.of(new ImageAttachment(PNG, "image/png", "Chalets illuminés place de la Mairie")), null, null,
                    "fr", null));
            assertThat(fake.status(post.externalId()).path("media_attachments").get(0).path("description").asString())
                    .isEqualTo("Chalets illuminés place de la Mairie");
            String mediaId = fake.status(post.externalId()).path("media_attachments").get(0).path("id").asString();
            fake.server().verify(exactly(3), getRequestedFor(urlEqualTo("/api/v1/media/" + mediaId)));
        } finally {
            fake.processingPolls = 1;
        }
    }

    @Test
    void publishesAVideoStreamedThenProcessedWithItsDescription() {
        byte[] mp4 = new byte[300_000];
        new java.util.Random(7).nextBytes(mp4);
        System.arraycopy("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1), 0, mp4, 0, 12);
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        VideoAttachment video = new VideoAttachment("video/mp4", mp4.length, () -> {
            opened.incrementAndGet();
            return new java.io.ByteArrayInputStream(mp4);
        }, "Le maire présente ses vœux", new VideoAttachment.Subtitles("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n",
                "fr"), false, Duration.ofSeconds(30), 1280, 720);
        fake.processingPolls = 3;
        try {
            PostDraft draft = new PostDraft(unique("Les vœux du maire"), List.of(), null, null, "fr", null,
                    List.of(video));
            assertThat(connector.profile().check(draft)).isEmpty();
            PublishedPost post = publishing().publish(account(), draft);
            JsonNode attachment = fake.status(post.externalId()).path("media_attachments").get(0);
            assertThat(attachment.path("type").asString()).isEqualTo("video");
            assertThat(attachment.path("description").asString()).isEqualTo("Le maire présente ses vœux");
            String mediaId = attachment.path("id").asString();
            assertThat(fake.uploaded(mediaId)).isEqualTo(mp4);
            assertThat(opened).hasValue(1);
            // answered 202, then 206 three times, then 200: published only once processed
            fake.server().verify(exactly(4), getRequestedFor(urlEqualTo("/api/v1/media/" + mediaId)));
        } finally {
            fake.processingPolls = 1;
        }
    }

    @Test
    void refusesAVideoMastodonWouldNotTake() {
        VideoAttachment mkv = VideoAttachment.of(new byte[10], "video/x-matroska", null, null, true, null, null, null);
        PostDraft withImages = new PostDraft("Vidéo et image", List.of(new ImageAttachment(PNG, "image/png", "Plan")),
                null, null, "fr", null, List.of(VideoAttachment.of(new byte[10], "video/mp4", null, null, true, null,
                        null, null)));
        assertThat(connector.profile().check(new PostDraft("x", List.of(), null, null, "fr", null, List.of(mkv))))
                .extracting(DraftProblem::messageKey).containsExactly("draft.videoType");
        assertThat(connector.profile().check(withImages)).extracting(DraftProblem::messageKey)
                .containsExactly("draft.videoWithImages");
        VideoAttachment huge = new VideoAttachment("video/mp4", MastodonPublishing.MAX_VIDEO_BYTES + 1,
                () -> { throw new AssertionError("not read"); }, null, null, true, null, null, null);
        PostDraft tooBig = new PostDraft("x", List.of(), null, null, "fr", null, List.of(huge));
        assertThat(connector.profile().check(tooBig)).extracting(DraftProblem::messageKey)
                .containsExactly("draft.videoTooLarge");
        assertThatThrownBy(() -> publishing().publish(account(), tooBig)).isInstanceOfSatisfying(
                ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("draft.videoTooLarge");
                });
    }

    @Test
    void schedulesAtLeastFiveMinutesAheadAndCancels() {
        var scheduling = connector.scheduling().orElseThrow();
        String id = scheduling.schedule(account(), PostDraft.text(unique("Rappel : conseil municipal")),
                Instant.now().plus(Duration.ofHours(2)));
        assertThat(id).isNotBlank();
        scheduling.cancel(account(), id);
        assertThatThrownBy(() -> scheduling.cancel(account(), id)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND));

        assertThatThrownBy(() -> scheduling.schedule(account(), PostDraft.text(unique("Trop tôt")),
                Instant.now().plus(Duration.ofMinutes(2)))).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.INVALID_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("mastodon.scheduleTooSoon");
                    assertThat(e.arguments()).containsExactly(5L,
                            "Validation failed: Scheduled at The scheduled date must be in the future");
                });
    }

    @Test
    void readsTheTimelineOldestFirstWithLinkPaging() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(publishing().publish(account(), PostDraft.text(unique("Fil " + i))).externalId());
        }
        MastodonConnector small = new MastodonConnector(
                new OutboundGuard(new OutboundProperties(List.of("localhost"), Duration.ofSeconds(2),
                        Duration.ofSeconds(5))), Clock.systemUTC(), rateLimits,
                new MastodonSettings(Duration.ofMillis(50), Duration.ofSeconds(5), 2));
        List<String> seen = new ArrayList<>();
        Cursor cursor = Cursor.START;
        PostPage page;
        int pages = 0;
        do {
            page = small.timeline().orElseThrow().posts(account(), cursor);
            page.items().forEach(p -> seen.add(p.externalId()));
            cursor = page.next();
            pages++;
        } while (page.more() && pages < 100);
        assertThat(seen).containsSubsequence(published).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(MastodonPublishing.ID_ORDER);
        assertThat(small.timeline().orElseThrow().posts(account(), cursor).items()).isEmpty();
        fake.server().verify(getRequestedFor(urlPathMatching("/api/v1/accounts/" + fake.city.id() + "/statuses"))
                .withQueryParam("min_id", matching(".+")));
    }

    // ---- Interactions and moderation --------------------------------------------------------------

    @Test
    void mapsCommentsRepliesDirectMessagesFavouritesAndBoosts() {
        PublishedPost post = publishing().publish(account(), PostDraft.text(unique("Fermeture de la piscine")));
        String commentText = unique("Jusqu'à quand ?");
        PublishedPost comment = publishing().publish(citizen(),
                new PostDraft(commentText, List.of(), null, post.externalId(), "fr", null));
        PublishedPost answer = publishing().publish(account(),
                new PostDraft(unique("Jusqu'au 3 janvier."), List.of(), null, comment.externalId(), "fr", null));
        String replyText = unique("Merci pour l'info");
        publishing().publish(citizen(), new PostDraft(replyText, List.of(), null, answer.externalId(), "fr", null));
        String dm = unique("Bonjour, mon adresse est 3 rue des Lilas");
        fake.newStatus(fake.citizen, "@ville " + dm, "direct", "fr", null, List.of());
        fake.react(fake.citizen, post.externalId(), "favourite");
        fake.react(fake.citizen, post.externalId(), "reblog");
        fake.server().resetRequests();

        List<Interaction> all = readAll();
        Interaction first = find(all, commentText);
        assertThat(first.type()).isEqualTo(InteractionType.COMMENT);
        assertThat(first.externalId()).isEqualTo(comment.externalId());
        assertThat(first.postExternalId()).isEqualTo(post.externalId());
        assertThat(first.parentExternalId()).isEqualTo(post.externalId());
        assertThat(first.author().handle()).isEqualTo("@habitante@autre.example");
        assertThat(first.author().externalId()).isEqualTo(fake.citizen.id());
        assertThat(first.raw()).contains("\"type\":\"mention\"");
        // our answer mentions the citizen, so that they are notified
        assertThat(fake.status(answer.externalId()).path("content").asString()).contains("@<span>habitante</span>");

        Interaction reply = find(all, replyText);
        assertThat(reply.type()).isEqualTo(InteractionType.REPLY);
        assertThat(reply.postExternalId()).isEqualTo(post.externalId());
        assertThat(reply.parentExternalId()).isEqualTo(answer.externalId());

        Interaction direct = find(all, dm);
        assertThat(direct.type()).isEqualTo(InteractionType.DIRECT_MESSAGE);
        assertThat(direct.postExternalId()).isNull();

        List<Interaction> reactions = all.stream().filter(i -> post.externalId().equals(i.postExternalId())
                && (i.type() == InteractionType.REACTION || i.type() == InteractionType.SHARE)).toList();
        assertThat(reactions).extracting(Interaction::type)
                .containsExactly(InteractionType.REACTION, InteractionType.SHARE);
        assertThat(reactions).allSatisfy(i -> {
            assertThat(i.text()).isNull();
            assertThat(i.externalId()).startsWith("notification:");
        });
        assertThat(all).extracting(Interaction::externalId).doesNotHaveDuplicates();
        fake.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("types[]", equalTo("mention")).withQueryParam("min_id", equalTo("0")));
    }

    @Test
    void answersAPrivateMessagePrivately() {
        ObjectNode dm = fake.newStatus(fake.citizen, "@ville " + unique("Ma facture d'eau"), "direct", "fr", null,
                List.of());
        PublishedPost answer = publishing().publish(account(), new PostDraft(unique("Nous regardons votre dossier."),
                List.of(), null, dm.path("id").asString(), "fr", null));
        assertThat(fake.status(answer.externalId()).path("visibility").asString()).isEqualTo("direct");
        assertThat(answer.text()).startsWith("@habitante ");
    }

    @Test
    void blocksAndReportsTheAuthor() {
        PublishedPost post = publishing().publish(account(), PostDraft.text(unique("Réunion publique sur le PLU")));
        String text = unique("Message injurieux");
        audience().reply(post, text);
        Interaction received = awaitInteraction(text);
        assertThat(connector.profile().moderation()).isEqualTo(Set.of(ModerationAction.BLOCK_AUTHOR,
                ModerationAction.REPORT));

        connector.moderation().orElseThrow().apply(account(), ModerationAction.REPORT, received);
        List<LoggedRequest> reports = fake.server().findAll(postRequestedFor(urlEqualTo("/api/v1/reports")));
        LoggedRequest report = reports.get(reports.size() - 1);
        assertThat(FakeMastodon.query(report.getBodyAsString())).containsEntry("account_id", fake.citizen.id())
                .containsEntry("status_ids[]", received.externalId()).containsEntry("forward", "true");

        connector.moderation().orElseThrow().apply(account(), ModerationAction.BLOCK_AUTHOR, received);
        fake.server().verify(postRequestedFor(urlEqualTo("/api/v1/accounts/" + fake.citizen.id() + "/block"))
                .withHeader("Authorization", equalTo("Bearer " + fake.city.token())));

        for (ModerationAction impossible : List.of(ModerationAction.HIDE, ModerationAction.UNHIDE,
                ModerationAction.DELETE)) {
            assertThatThrownBy(() -> connector.moderation().orElseThrow().apply(account(), impossible, received))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNSUPPORTED));
        }
    }

    @Test
    void remembersTheRateLimitTheInstanceReported() {
        connector.describe(account());
        MastodonRateLimit state = connector.rateLimit(ACCOUNT_ID).orElseThrow();
        assertThat(state.limit()).isEqualTo(300);
        assertThat(state.remaining()).isBetween(0L, 299L);
        assertThat(state.resetAt()).isAfter(Instant.now());
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private List<Interaction> readAll() {
        List<Interaction> all = new ArrayList<>();
        Cursor cursor = Cursor.START;
        InteractionPage page;
        int pages = 0;
        do {
            page = connector.interactions().orElseThrow().since(account(), cursor);
            all.addAll(page.items());
            cursor = page.next();
        } while (page.more() && ++pages < 100);
        return all;
    }

    private static Interaction find(List<Interaction> all, String text) {
        return all.stream().filter(i -> text.equals(i.text())).findFirst()
                .orElseThrow(() -> new AssertionError("no interaction " + text + " in "
                        + all.stream().map(Interaction::text).toList()));
    }
}

package fr.parvis.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PublishedPost;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The connector test kit: what every connector must do, run against each network's test peer (the
 * Sandbox in process, a real Bluesky PDS on loopback, Mastodon contract stubs…). A connector test
 * extends this class and provides the connector, a connected account, an audience (other accounts
 * that reply) and the few network-specific checks. Capabilities a network lacks are skipped by
 * assumption, never silently passed: each test states what it needs from the profile.
 */
public abstract class ConnectorContractTests {

    /** A 1×1 PNG. */
    protected static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** The connector under test. */
    protected abstract Connector connector();

    /** A connected account of the test network. */
    protected abstract AccountContext account();

    /** An account whose credentials are no longer valid (expired or revoked). */
    protected abstract AccountContext accountWithInvalidCredentials();

    /** Other users of the test network. */
    protected abstract Audience audience();

    /** Texts and how the network counts them. */
    protected abstract Map<String, Integer> countingExamples();

    /** Whether an interaction is still visible to the public after a moderation action. */
    protected abstract boolean publiclyVisible(Interaction interaction);

    /** How long the network may take to show an interaction (indexing delays). */
    protected Duration propagation() {
        return Duration.ofSeconds(20);
    }

    /** Other users, who reply to our posts. */
    public interface Audience {

        /** Makes another account reply to our post; returns when the network has accepted it. */
        void reply(PublishedPost post, String text);
    }

    // ---- Profile and validation --------------------------------------------------------------

    @Test
    void declaresAConsistentProfile() {
        NetworkProfile profile = connector().profile();
        assertThat(profile.network()).isEqualTo(connector().network());
        assertThat(profile.maxTextLength()).isPositive();
        assertThat(profile.counter()).isNotNull();
        assertThat(connector().connectFlow()).isNotNull();
        assertThat(connector().interactions().isPresent()).isEqualTo(!profile.interactions().isEmpty());
        assertThat(connector().moderation().isPresent()).isEqualTo(!profile.moderation().isEmpty());
    }

    @Test
    void countsTextAsTheNetworkDoes() {
        countingExamples().forEach((text, expected) ->
                assertThat(connector().profile().counter().count(text)).as("length of %s", text).isEqualTo(expected));
    }

    @Test
    void refusesInvalidDraftsBeforeAnyCall() {
        NetworkProfile profile = connector().profile();
        String tooLong = "é".repeat(profile.maxTextLength() + 12);
        assertThat(profile.check(PostDraft.text(tooLong)))
                .contains(new DraftProblem("draft.textTooLong", "text", 12, profile.maxTextLength()));
        assertThat(profile.check(PostDraft.text(" "))).extracting(DraftProblem::messageKey).contains("draft.empty");
        if (profile.maxImages() > 0) {
            List<ImageAttachment> images = new ArrayList<>();
            for (int i = 0; i <= profile.maxImages(); i++) {
                images.add(new ImageAttachment(PNG, "image/png", "Image " + i));
            }
            assertThat(profile.check(new PostDraft("Trop d'images", images, null, null, "fr", null)))
                    .extracting(DraftProblem::messageKey).contains("draft.tooManyImages");
            byte[] big = new byte[(int) profile.maxImageBytes() + 1];
            assertThat(profile.check(new PostDraft("Image trop lourde",
                    List.of(new ImageAttachment(big, "image/png", "Grande image")), null, null, "fr", null)))
                    .extracting(DraftProblem::messageKey).contains("draft.imageTooLarge");
            assertThat(profile.check(new PostDraft("Sans texte alternatif",
                    List.of(new ImageAttachment(PNG, "image/png", " ")), null, null, "fr", null)))
                    .extracting(DraftProblem::messageKey).contains("draft.altTextMissing");
        }
    }

    // ---- Account ----------------------------------------------------------------------------

    @Test
    void describesTheAccount() {
        AccountInfo info = connector().describe(account());
        assertThat(info.externalId()).isEqualTo(account().externalId());
        assertThat(info.handle()).isNotBlank();
    }

    @Test
    void mapsInvalidCredentialsToAReconnection() {
        assertThatThrownBy(() -> connector().describe(accountWithInvalidCredentials()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.needsReconnection()).as("kind %s", e.kind()).isTrue();
                    assertThat(e.messageKey()).isNotBlank();
                });
    }

    // ---- Publishing --------------------------------------------------------------------------

    @Test
    void publishesTextAndReadsItBack() {
        PublishedPost post = publish(PostDraft.text(unique("Conseil municipal ce soir à 18 h 30")));
        assertThat(post.externalId()).isNotBlank();
        Optional<PublishedPost> read = eventually(() -> publishing().read(account(), post.externalId()));
        assertThat(read).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(post.text()));
    }

    @Test
    void publishesAnImageWithAltText() {
        assumeThat(connector().profile().maxImages()).as("the network takes images").isPositive();
        String text = unique("Le nouveau parc est ouvert");
        PublishedPost post = publish(new PostDraft(text,
                List.of(new ImageAttachment(PNG, "image/png", "Vue du parc avec ses bancs")), null, null, "fr", null));
        assertThat(eventually(() -> publishing().read(account(), post.externalId()))).isPresent();
    }

    @Test
    void publishesALinkAndAReply() {
        NetworkProfile profile = connector().profile();
        assumeThat(profile.links() && profile.replies()).as("links and replies").isTrue();
        PublishedPost first = publish(new PostDraft(unique("Tout le programme : https://ville.example/fete"),
                List.of(), URI.create("https://ville.example/fete"), null, "fr", null));
        PublishedPost reply = publish(new PostDraft(unique("Et les horaires des navettes"), List.of(), null,
                first.externalId(), "fr", null));
        assertThat(reply.externalId()).isNotEqualTo(first.externalId());
    }

    @Test
    void deletesOwnPosts() {
        PublishedPost post = publish(PostDraft.text(unique("Publication à supprimer")));
        assertThat(eventually(() -> publishing().read(account(), post.externalId()))).isPresent();
        publishing().delete(account(), post.externalId());
        assertThat(eventuallyEmpty(() -> publishing().read(account(), post.externalId()))).isEmpty();
        publishing().delete(account(), post.externalId());
    }

    // ---- Interactions and moderation ---------------------------------------------------------

    @Test
    void receivesARepliesAsInteractions() {
        assumeThat(connector().profile().interactions()).as("reads comments or replies")
                .containsAnyOf(InteractionType.COMMENT, InteractionType.REPLY);
        PublishedPost post = publish(PostDraft.text(unique("Que pensez-vous du marché du dimanche ?")));
        String text = unique("Le lampadaire de la rue des Lilas est en panne depuis 3 jours");
        audience().reply(post, text);
        Interaction received = awaitInteraction(text);
        assertThat(received.type()).isIn(InteractionType.COMMENT, InteractionType.REPLY);
        assertThat(received.postExternalId()).isEqualTo(post.externalId());
        assertThat(received.author().handle()).isNotEqualTo(account().handle());
        assertThat(received.createdAt()).isBefore(Instant.now().plusSeconds(60));
        assertThat(received.raw()).isNotBlank();
    }

    @Test
    void moderatesWithinWhatTheNetworkAllows() {
        assumeThat(connector().profile().moderation()).as("some moderation").isNotEmpty();
        PublishedPost post = publish(PostDraft.text(unique("Réunion publique sur le PLU")));
        String text = unique("Message hors sujet à masquer");
        audience().reply(post, text);
        Interaction received = awaitInteraction(text);
        ModerationAction action = connector().profile().moderation().contains(ModerationAction.HIDE)
                ? ModerationAction.HIDE : connector().profile().moderation().iterator().next();
        connector().moderation().orElseThrow().apply(account(), action, received);
        if (action == ModerationAction.HIDE || action == ModerationAction.DELETE) {
            assertThat(publiclyVisible(received)).as("visible after %s", action).isFalse();
        }
        if (action == ModerationAction.HIDE && connector().profile().moderation().contains(ModerationAction.UNHIDE)) {
            connector().moderation().orElseThrow().apply(account(), ModerationAction.UNHIDE, received);
            assertThat(publiclyVisible(received)).as("visible after UNHIDE").isTrue();
        }
    }

    // ---- Metrics -------------------------------------------------------------------------------

    @Test
    void countsPostAndAccount() {
        assumeThat(connector().metrics()).as("metrics").isPresent();
        PublishedPost post = publish(PostDraft.text(unique("Collecte des encombrants jeudi")));
        PostMetrics metrics = connector().metrics().orElseThrow().post(account(), post.externalId());
        assertThat(metrics.postExternalId()).isEqualTo(post.externalId());
        for (Long value : new Long[] {metrics.reactions(), metrics.comments(), metrics.shares()}) {
            if (value != null) {
                assertThat(value).isNotNegative();
            }
        }
        AccountMetrics account = connector().metrics().orElseThrow().account(account());
        if (account.followers() != null) {
            assertThat(account.followers()).isNotNegative();
        }
    }

    // ---- Helpers --------------------------------------------------------------------------------

    protected fr.parvis.channels.spi.Publishing publishing() {
        return connector().publishing().orElseThrow(() -> new AssertionError("every connector publishes"));
    }

    protected PublishedPost publish(PostDraft draft) {
        assertThat(connector().profile().check(draft)).as("draft valid for the network").isEmpty();
        return publishing().publish(account(), draft);
    }

    protected Interaction awaitInteraction(String text) {
        Instant deadline = Instant.now().plus(propagation());
        Cursor cursor = Cursor.START;
        List<Interaction> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            InteractionPage page = connector().interactions().orElseThrow().since(account(), cursor);
            seen.addAll(page.items());
            Optional<Interaction> match = seen.stream().filter(i -> text.equals(i.text())).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            cursor = page.next() == null ? cursor : page.next();
            if (!page.more()) {
                pause();
            }
        }
        throw new AssertionError("interaction \"" + text + "\" not received within " + propagation() + "; saw "
                + seen.stream().map(Interaction::text).toList());
    }

    protected <T> Optional<T> eventually(Supplier<Optional<T>> read) {
        Instant deadline = Instant.now().plus(propagation());
        Optional<T> value = read.get();
        while (value.isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            value = read.get();
        }
        return value;
    }

    protected <T> Optional<T> eventuallyEmpty(Supplier<Optional<T>> read) {
        Instant deadline = Instant.now().plus(propagation());
        Optional<T> value = read.get();
        while (value.isPresent() && Instant.now().isBefore(deadline)) {
            pause();
            value = read.get();
        }
        return value;
    }

    protected static String unique(String text) {
        return text + " #" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package fr.parvis.publishing.web;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.TagSuggestions;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composer's helpers over HTTP: hashtag and mention suggestions (ranking, CamelCase, bounds,
 * isolation, escaping, network formats), the media picker's JSON and the ids it fills, and the
 * missing alternative text said once (in the checks, the card only pointing to it).
 */
@IntegrationTest
class ComposerUxWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MediaLibrary library;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void hashtagsAreRankedByUseThenByTheLatestUseAndGivenInCamelCase() throws Exception {
        Team team = fixtures.team();
        draft(team, "Le marché du samedi #marchedenoel");
        draft(team, "Concerts gratuits #FeteDeLaMusique et #marchedenoel");
        draft(team, "Programme #fetedelamusique #MarcheDeNoel");
        draft(team, "Les podiums #fêtedelamusique"); // accents folded: the same hashtag
        draft(team, "Ouverture #FestivalDuLivre"); // used once, but the latest
        draft(team, "Balade #Forêt");

        List<String> values = values(suggest(team.manager(), "#f", null));
        assertThat(values).as("3 posts, then 1 post each, the latest first")
                .containsExactly("#FeteDeLaMusique", "#Forêt", "#FestivalDuLivre");
        assertThat(values(suggest(team.manager(), "#fete", null))).containsExactly("#FeteDeLaMusique");
        assertThat(values(suggest(team.manager(), "#FÊTE", null))).containsExactly("#FeteDeLaMusique");
        assertThat(values(suggest(team.manager(), "#marche", null))).as("the CamelCase spelling wins, even rarer")
                .containsExactly("#MarcheDeNoel");
        JsonNode first = suggest(team.manager(), "#fete", null).get(0);
        assertThat(first.get("kind").asString()).isEqualTo("hashtag");
        assertThat(first.get("detail").asString()).isEqualTo("utilisé dans 3 publications");
        assertThat(values(suggest(team.manager(), "#", null))).hasSize(4);
    }

    @Test
    void suggestionsAreBoundedInQueryAndCount() throws Exception {
        Team team = fixtures.team();
        StringBuilder body = new StringBuilder("Tous les quartiers :");
        for (int i = 0; i < 12; i++) {
            body.append(" #Quartier").append((char) ('A' + i));
        }
        draft(team, body.toString());
        assertThat(suggest(team.manager(), "#quartier", null)).hasSize(TagSuggestions.MAX_RESULTS);

        MockHttpServletResponse tooLong = send(team.manager(), get("/publier/suggestions")
                .param("q", "#" + "a".repeat(TagSuggestions.MAX_QUERY)));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(tooLong.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("100 caractères au plus");
        assertThat(send(team.manager(), get("/publier/suggestions").param("q", "")).getStatus()).isEqualTo(400);
        // only agents who write posts get suggestions
        assertThat(send(team.elu(), get("/publier/suggestions").param("q", "#q")).getStatus()).isEqualTo(403);
    }

    @Test
    void aCollectiviteNeverSeesTheTagsOfAnother() throws Exception {
        Team a = fixtures.team();
        Team b = fixtures.team();
        draft(b, "Chez B : #FeteDeLaMusique avec @orchestre_b et @harmonie@mastodon.example");
        draft(a, "Chez A : #FeteDesVoisins");

        assertThat(values(suggest(a.manager(), "#fete", null))).containsExactly("#FeteDesVoisins");
        assertThat(values(suggest(a.manager(), "@", null))).noneMatch(v -> v.contains("orchestre_b"))
                .noneMatch(v -> v.contains("harmonie"));
        assertThat(values(suggest(b.manager(), "#fete", null))).containsExactly("#FeteDeLaMusique");
        // B's account named in A's request: not found, as an unknown one
        MockHttpServletResponse foreign = send(a.manager(), get("/publier/suggestions").param("q", "@o")
                .param("compte", b.sandbox().toString()));
        assertThat(foreign.getStatus()).isEqualTo(404);
    }

    @Test
    void markupIsNeverPartOfASuggestionAndTheAnswerIsJson() throws Exception {
        Team team = fixtures.team();
        draft(team, "Attention #Fête<script>alert(1)</script> et #<b>gras</b> puis @<img src=x onerror=alert(1)>");

        MockHttpServletResponse response = send(team.manager(), get("/publier/suggestions").param("q", "#f"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(values(json.readTree(response.getContentAsString(StandardCharsets.UTF_8))))
                .containsExactly("#Fête");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<");
        assertThat(suggest(team.manager(), "#<script>", null)).isEmpty();
        assertThat(values(suggest(team.manager(), "@", null))).noneMatch(v -> v.contains("<") || v.contains("img"));
    }

    @Test
    void mentionsFollowTheFormatOfTheVariantsNetworkAndOwnAccountsAreSuggested() throws Exception {
        Team team = fixtures.team();
        draft(team, "Merci @orchestre, @harmonie@mastodon.example et @musee.bsky.social ! contact@ville.example");
        String own = tenants.as(team.manager(), () -> publishing.targets()).stream()
                .filter(t -> t.accountId().equals(team.sandbox())).findFirst().orElseThrow().handle();
        String ownHandle = own.startsWith("@") ? own : "@" + own;

        assertThat(values(suggest(team.manager(), "@", null))).as("the common message: every format")
                .contains("@orchestre", "@harmonie@mastodon.example", "@musee.bsky.social", ownHandle)
                .noneMatch(v -> v.contains("ville.example"));
        // the Sandbox account's own text: plain mentions only, as that network writes them
        JsonNode sandbox = suggest(team.manager(), "@", team.sandbox());
        assertThat(values(sandbox)).contains("@orchestre", ownHandle)
                .doesNotContain("@harmonie@mastodon.example", "@musee.bsky.social");
        JsonNode mine = null;
        for (JsonNode node : sandbox) {
            if (node.get("value").asString().equals(ownHandle)) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("detail").asString()).contains("compte de la collectivité sur Sandbox");
    }

    @Test
    void thePickerListsTheLibraryWithAltTextsAndTheChosenOrderIsWhatIsSaved() throws Exception {
        Team team = fixtures.team();
        MediaView described = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("mairie.png",
                png(40, 30, 0x3366cc), "La façade de la mairie")));
        MediaView bare = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("<i>parc.png",
                png(30, 30, 0x33aa33), " ")));

        JsonNode page = json.readTree(send(team.manager(), get("/publier/medias/choix")).getContentAsString(
                StandardCharsets.UTF_8));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("id").asString()).isEqualTo(bare.id().toString());
        assertThat(newest.get("altTextMissing").asBoolean()).isTrue();
        assertThat(newest.get("fileName").asString()).isEqualTo("<i>parc.png");
        assertThat(newest.get("pageUrl").asString()).isEqualTo("/publier/medias/" + bare.id());
        assertThat(newest.get("previewUrl").asString()).isEqualTo("/publier/medias/" + bare.id() + "/apercu");
        JsonNode older = page.get("items").get(1);
        assertThat(older.get("altText").asString()).isEqualTo("La façade de la mairie");
        assertThat(older.get("mediaType").asString()).isEqualTo("image/png");

        JsonNode resolved = json.readTree(send(team.manager(), get("/publier/medias/choix")
                .param("ids", described.id().toString()).param("ids", bare.id().toString()))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(resolved.get("items").get(0).get("fileName").asString()).isEqualTo("mairie.png");
        assertThat(resolved.get("items").get(1).get("fileName").asString()).isEqualTo("<i>parc.png");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            many.add(described.id().toString());
        }
        assertThat(send(team.manager(), get("/publier/medias/choix").param("ids", many.toArray(String[]::new)))
                .getStatus()).isEqualTo(400);
        assertThat(send(team.manager(), get("/publier/medias/choix").param("ids", "pas-un-id")).getStatus())
                .isEqualTo(404);
        Team other = fixtures.team();
        assertThat(send(other.manager(), get("/publier/medias/choix").param("ids", described.id().toString()))
                .getStatus()).isEqualTo(404);
        JsonNode empty = json.readTree(send(other.manager(), get("/publier/medias/choix"))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.get("total").asLong()).isZero();

        // the order the picker wrote in the field is the order of the saved variant
        MockHttpServletResponse saved = send(team.manager(), post("/publier/nouveau")
                .param("body", "Deux images").param("accounts", team.sandbox().toString())
                .param("variants[" + team.sandbox() + "].mediaIds", bare.id() + " " + described.id())
                .param("action", "draft"));
        assertThat(saved.getStatus()).isEqualTo(302);
        UUID postId = UUID.fromString(saved.getRedirectedUrl().substring("/publier/publications/".length()));
        PostView post = tenants.as(team.manager(), () -> publishing.get(postId));
        assertThat(post.variants().get(0).mediaIds()).containsExactly(bare.id().value(), described.id().value());

        // the composer page carries the picker (hidden until composer.js shows it) and keeps the id field
        String page2 = html(send(team.manager(), get("/publier/publications/" + postId + "/modifier")));
        assertThat(page2).contains("class=\"media-picker\"").contains("id=\"media-picker\"")
                .contains("data-picker-url=\"/publier/medias/choix\"")
                .contains("value=\"" + bare.id() + " " + described.id() + "\"");
    }

    @Test
    void aMissingAlternativeTextIsSaidOnceInTheChecksAndTheCardLinksToIt() throws Exception {
        Team team = fixtures.team();
        MediaView bare = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("affiche.png",
                png(40, 40, 0xaa3333), "")));

        String fragment = html(send(team.manager(), post("/publier/apercu").param("body", "L’affiche du concert")
                .param("accounts", team.sandbox().toString())
                .param("variants[" + team.sandbox() + "].mediaIds", bare.id().toString())));

        assertThat(count(fragment, "n’a pas de texte alternatif")).as("one full message: %s", fragment).isEqualTo(1);
        Matcher anchor = Pattern.compile("<li[^>]*id=\"(finding-[^\"]+)\"").matcher(fragment);
        List<String> ids = new ArrayList<>();
        while (anchor.find()) {
            ids.add(anchor.group(1));
        }
        assertThat(ids).isNotEmpty();
        int card = fragment.indexOf("id=\"card-" + team.sandbox() + "\"");
        assertThat(card).isPositive();
        String cardHtml = fragment.substring(card);
        assertThat(cardHtml).contains("Erreur bloquante n°\u00a01 (voir les contrôles)");
        assertThat(ids).anyMatch(id -> cardHtml.contains("href=\"#" + id + "\""));
        // and the checks point back to the account's card
        assertThat(fragment.substring(0, card)).contains("href=\"#card-" + team.sandbox() + "\"");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void draft(Team team, String body) {
        clock.advance(Duration.ofMinutes(1));
        tenants.as(team.manager(), () -> publishing.create(post(body, null, team.sandbox())));
    }

    private JsonNode suggest(Agent agent, String query, UUID account) throws Exception {
        MockHttpServletRequestBuilder request = get("/publier/suggestions").param("q", query);
        if (account != null) {
            request.param("compte", account.toString());
        }
        MockHttpServletResponse response = send(agent, request);
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get("value").asString()));
        return values;
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] png(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, rgb + x);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private MockHttpServletResponse send(Agent agent, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(tenants.authentication(agent))).with(csrf())).andReturn()
                .getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}

package fr.parvis.publishing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.NewApiToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threads through {@code /api/v1/posts}: created, read, edited and published with their parts (each
 * part's state, network id and address in the answer), the bounds as problem details in French, and
 * the fields in the OpenAPI description.
 */
@IntegrationTest
class PostThreadsApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aThreadIsWrittenReadEditedAndPublishedThroughTheApi() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        String elu = token(team.elu());
        Instant at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        MockHttpServletResponse created = call(post("/api/v1/posts"), manager, body("Travaux du pont : le fil.", at,
                team.sandbox(), "Première suite.", "Deuxième suite."));
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode variant = read(created).get("variants").get(0);
        String id = read(created).get("id").asString();
        assertThat(variant.get("thread")).hasSize(2);
        assertThat(variant.get("thread").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(variant.get("thread").get(0).get("text").asString()).isEqualTo("Première suite.");
        assertThat(variant.get("thread").get(1).get("state").asString()).isEqualTo("PENDING");
        assertThat(variant.get("thread").get(1).get("stateLabel").asString()).isEqualTo("En attente");
        assertThat(variant.get("thread").get(1).get("maxLength").asInt()).isEqualTo(2000);

        MockHttpServletResponse edited = call(put("/api/v1/posts/" + id), manager, body("Travaux du pont : le fil.",
                at, team.sandbox(), "Deuxième suite.", "Première suite.", "Troisième suite."));
        assertThat(edited.getStatus()).isEqualTo(200);
        JsonNode thread = read(call(get("/api/v1/posts/" + id), manager, null)).get("variants").get(0).get("thread");
        assertThat(texts(thread)).containsExactly("Deuxième suite.", "Première suite.", "Troisième suite.");

        assertThat(call(post("/api/v1/posts/" + id + "/submit"), manager, Map.of("acknowledged", List.of()))
                .getStatus()).isEqualTo(200);
        assertThat(call(post("/api/v1/posts/" + id + "/approve"), elu, Map.of()).getStatus()).isEqualTo(200);
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        jobs.dispatch();
        JsonNode published = null;
        for (int i = 0; i < 50; i++) {
            published = read(call(get("/api/v1/posts/" + id), manager, null)).get("variants").get(0);
            if ("PUBLISHED".equals(published.get("thread").get(2).get("state").asString())) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
        for (JsonNode part : published.get("thread")) {
            assertThat(part.get("state").asString()).isEqualTo("PUBLISHED");
            assertThat(part.get("externalId").asString()).isNotBlank();
            assertThat(part.get("url").asString()).isNotBlank();
            assertThat(part.get("publishedAt").isNull()).isFalse();
        }
    }

    @Test
    void boundsAreProblemDetailsAndNothingIsWritten() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        String[] parts = new String[26];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = "Partie " + (i + 1);
        }
        MockHttpServletResponse tooMany = call(post("/api/v1/posts"), manager, body("Fil trop long.", null,
                team.sandbox(), parts));
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getContentType()).startsWith("application/problem+json");
        JsonNode problem = read(tooMany);
        assertThat(problem.get("code").asString()).isEqualTo("invalid-input");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("variants[0].thread");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("25");

        MockHttpServletResponse empty = call(post("/api/v1/posts"), manager, body("Fil avec une partie vide.", null,
                team.sandbox(), "Une partie.", "  "));
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(read(empty).get("detail").asString()).contains("La partie 2 du fil est vide");

        Map<String, Object> both = body("Fil et commentaire.", null, team.sandbox(), "Une partie.");
        @SuppressWarnings("unchecked")
        Map<String, Object> variant = new LinkedHashMap<>(((List<Map<String, Object>>) both.get("variants")).get(0));
        variant.put("firstComment", "Un commentaire.");
        both.put("variants", List.of(variant));
        MockHttpServletResponse withComment = call(post("/api/v1/posts"), manager, both);
        assertThat(withComment.getStatus()).isEqualTo(400);
        assertThat(read(withComment).get("detail").asString()).contains("premier commentaire");

        assertThat(read(call(get("/api/v1/posts"), manager, null))).as("nothing written").isEmpty();

        MockHttpServletResponse tooLong = call(post("/api/v1/posts"), manager, body("Fil.", null, team.sandbox(),
                "x".repeat(2001)));
        assertThat(tooLong.getStatus()).isEqualTo(201);
        String id = read(tooLong).get("id").asString();
        assertThat(read(tooLong).get("variants").get(0).get("thread").get(0).get("tooLong").asBoolean()).isTrue();
        JsonNode checks = read(call(get("/api/v1/posts/" + id + "/checks"), manager, null));
        assertThat(checks.get("passes").asBoolean()).isFalse();
        assertThat(checks.get("findings").get(0).get("message").asString())
                .contains("La partie 1 du fil", "dépasse de 1 caractère");
        MockHttpServletResponse refused = call(post("/api/v1/posts/" + id + "/submit"), manager,
                Map.of("acknowledged", List.of()));
        assertThat(refused.getStatus()).isEqualTo(400);

        // settling a part by hand: only an uncertain or refused one, of this post
        String variantId = read(tooLong).get("variants").get(0).get("id").asString();
        MockHttpServletResponse notUncertain = call(post("/api/v1/posts/" + id + "/variants/" + variantId
                + "/thread/1/resolve"), manager, Map.of("published", false));
        assertThat(notUncertain.getStatus()).isEqualTo(409);
        assertThat(read(notUncertain).get("detail").asString()).isNotBlank();
        assertThat(call(post("/api/v1/posts/" + id + "/variants/" + variantId + "/thread/7/resolve"), manager,
                Map.of("published", false)).getStatus()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionHasTheThread() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode schemas = api.get("components").get("schemas");
        JsonNode input = schemas.get("VariantInput").get("properties").get("thread");
        assertThat(input.get("maxItems").asInt()).isEqualTo(25);
        assertThat(input.get("items").get("$ref").asString()).endsWith("/ThreadPartInput");
        assertThat(schemas.get("ThreadPartInput").get("properties").has("text")).isTrue();
        assertThat(schemas.get("PostVariant").get("properties").get("thread").get("items").get("$ref").asString())
                .endsWith("/ThreadPart");
        assertThat(schemas.get("ThreadPart").get("properties").has("externalId")).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static List<String> texts(JsonNode thread) {
        List<String> texts = new ArrayList<>();
        thread.forEach(p -> texts.add(p.get("text").asString()));
        return texts;
    }

    private String token(Agent agent) {
        return tenants.as(agent, () -> tokens.create(new NewApiToken("api " + UUID.randomUUID().toString()
                .substring(0, 8), agent.role(), 30))).secret();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, Object body)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> body(String text, Instant at, UUID account, String... parts) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("body", text);
        if (at != null) {
            post.put("scheduledAt", at.toString());
        }
        List<Map<String, Object>> thread = new ArrayList<>();
        for (String part : parts) {
            thread.add(Map.of("text", part));
        }
        post.put("variants", List.of(Map.of("accountId", account.toString(), "thread", thread)));
        return post;
    }
}

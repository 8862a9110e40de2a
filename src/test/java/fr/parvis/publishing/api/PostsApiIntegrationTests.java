package fr.parvis.publishing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publishing API with personal access tokens: the whole circuit with two tokens (a community
 * manager writes and submits, an élu approves), the publication status per account after the
 * scheduler ran, and the refusals (bad input, role, other collectivité, publication under way).
 */
@IntegrationTest
class PostsApiIntegrationTests {

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

    @Autowired
    Variants variants;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPostGoesThroughTheCircuitByApiAndIsPublishedAtItsTime() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        String elu = token(team.elu());
        Instant at = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        MockHttpServletResponse created = call(post("/api/v1/posts"), manager, postBody(
                "La piscine municipale rouvre samedi après travaux.", at, team.sandbox()));
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode draft = read(created);
        String id = draft.get("id").asString();
        assertThat(created.getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/posts/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("statusLabel").asString()).isEqualTo("Brouillon");
        assertThat(draft.get("origin").asString()).isEqualTo("API");
        assertThat(draft.get("variants").get(0).get("accountId").asString()).isEqualTo(team.sandbox().toString());
        assertThat(draft.get("variants").get(0).get("maxLength").asInt()).isEqualTo(2000);

        JsonNode list = read(call(get("/api/v1/posts").param("status", "DRAFT").param("account",
                team.sandbox().toString()), manager, null));
        assertThat(ids(list)).contains(id);
        assertThat(ids(read(call(get("/api/v1/posts").param("status", "PUBLISHED"), manager, null)))).doesNotContain(id);
        assertThat(ids(read(call(get("/api/v1/posts").param("from", at.minusSeconds(60).toString())
                .param("to", at.plusSeconds(60).toString()), manager, null)))).contains(id);

        JsonNode checks = read(call(get("/api/v1/posts/" + id + "/checks"), manager, null));
        assertThat(checks.get("passes").asBoolean()).isTrue();

        MockHttpServletResponse submitted = call(post("/api/v1/posts/" + id + "/submit"), manager,
                Map.of("acknowledged", List.of()));
        assertThat(submitted.getStatus()).isEqualTo(200);
        assertThat(read(submitted).get("status").asString()).isEqualTo("SUBMITTED");

        MockHttpServletResponse byManager = call(post("/api/v1/posts/" + id + "/approve"), manager, Map.of());
        assertThat(byManager.getStatus()).isEqualTo(403);
        assertThat(byManager.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse approved = call(post("/api/v1/posts/" + id + "/approve"), elu,
                Map.of("comment", "Parfait"));
        assertThat(approved.getStatus()).isEqualTo(200);
        JsonNode scheduled = read(approved);
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("variants").get(0).get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(scheduled.get("variants").get(0).get("dueAt").asString())).isEqualTo(at);

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        jobs.dispatch();
        jobs.dispatch();

        JsonNode published = read(call(get("/api/v1/posts/" + id), elu, null));
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode variant = published.get("variants").get(0);
        assertThat(variant.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(variant.get("stateLabel").asString()).isEqualTo("Publiée");
        assertThat(variant.get("network").asString()).isEqualTo("SANDBOX");
        assertThat(variant.get("externalId").asString()).isNotBlank();
        assertThat(variant.get("publishedAt")).isNotNull();
        assertThat(variant.has("error")).isFalse();

        JsonNode history = read(call(get("/api/v1/posts/" + id + "/history"), manager, null));
        List<String> kinds = new ArrayList<>();
        history.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).contains("APPROVED");

        MockHttpServletResponse editPublished = call(put("/api/v1/posts/" + id), manager,
                postBody("Changement tardif.", null, team.sandbox()));
        assertThat(editPublished.getStatus()).isEqualTo(409);
        assertThat(call(delete("/api/v1/posts/" + id), manager, null).getStatus()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedWithAFrenchReason() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());

        MockHttpServletResponse empty = call(post("/api/v1/posts"), manager, postBody("   ", null, team.sandbox()));
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(read(empty).get("detail").asString()).contains("vide");
        assertThat(read(empty).get("errors").get(0).get("field").asString()).isEqualTo("body");

        Map<String, Object> noAccount = new LinkedHashMap<>();
        noAccount.put("body", "Bonjour");
        noAccount.put("variants", List.of());
        MockHttpServletResponse none = call(post("/api/v1/posts"), manager, noAccount);
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(read(none).get("errors").get(0).get("field").asString()).isEqualTo("variants");

        MockHttpServletResponse unknownAccount = call(post("/api/v1/posts"), manager, postBody("Bonjour", null,
                UUID.randomUUID()));
        assertThat(unknownAccount.getStatus()).isEqualTo(404);

        MockHttpServletResponse badJson = mvc.perform(post("/api/v1/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"Bonjour\", \"variants\": [{\"accountId\": \"pas-un-uuid\"}]}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager)).andReturn().getResponse();
        assertThat(badJson.getStatus()).isEqualTo(400);

        MockHttpServletResponse past = call(post("/api/v1/posts"), manager, postBody("Bonjour", clock.instant()
                .minus(Duration.ofHours(1)), team.sandbox()));
        assertThat(past.getStatus()).isEqualTo(400);
        assertThat(read(past).get("detail").asString()).contains("passée");

        MockHttpServletResponse tooBig = call(get("/api/v1/posts").param("size", "500"), manager, null);
        assertThat(tooBig.getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/posts").param("status", "EMPEREUR"), manager, null).getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/posts").param("from", clock.instant().toString()), manager, null).getStatus())
                .isEqualTo(400);

        // Too long for the Sandbox (2 000 characters): saved as a draft, refused at submission with the reason
        JsonNode tooLong = read(call(post("/api/v1/posts"), manager, postBody("x".repeat(2100), null, team.sandbox())));
        String id = tooLong.get("id").asString();
        assertThat(tooLong.get("variants").get(0).get("tooLong").asBoolean()).isTrue();
        MockHttpServletResponse refused = call(post("/api/v1/posts/" + id + "/submit"), manager, null);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = read(refused);
        assertThat(problem.get("code").asString()).isEqualTo("invalid-input");
        assertThat(problem.get("detail").asString()).contains("erreur");
        assertThat(problem.get("errors").get(0).get("field").asString()).contains("draft.textTooLong");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("dépasse de 100 caractères");
        assertThat(problem.get("findings").get(0).get("accountId").asString()).isEqualTo(team.sandbox().toString());
        assertThat(read(call(get("/api/v1/posts/" + id), manager, null)).get("status").asString()).isEqualTo("DRAFT");

        MockHttpServletResponse english = mvc.perform(post("/api/v1/posts/" + id + "/submit")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse();
        assertThat(english.getStatus()).isEqualTo(400);
        assertThat(english.getHeader("Content-Language")).isEqualTo("en");

        MockHttpServletResponse pastSchedule = call(post("/api/v1/posts/" + id + "/schedule"), manager,
                Map.of("at", clock.instant().minus(Duration.ofDays(1)).toString()));
        assertThat(pastSchedule.getStatus()).isEqualTo(400);
        assertThat(read(pastSchedule).get("errors").get(0).get("field").asString()).isEqualTo("at");
        assertThat(call(post("/api/v1/posts/" + id + "/schedule"), manager, Map.of()).getStatus()).isEqualTo(400);

        assertThat(call(post("/api/v1/posts/" + id + "/request-changes"), token(team.elu()), Map.of("comment", " "))
                .getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/posts/" + UUID.randomUUID()), manager, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/posts/pas-un-id"), manager, null).getStatus()).isEqualTo(404);
    }

    @Test
    void anotherCollectiviteSeesNothingAndARoleWithoutWritingIsRefused() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        String manager = token(team.manager());
        String id = read(call(post("/api/v1/posts"), manager, postBody("Marché de Noël place de la mairie.", null,
                team.sandbox()))).get("id").asString();

        String stranger = token(other.manager());
        assertThat(call(get("/api/v1/posts/" + id), stranger, null).getStatus()).isEqualTo(404);
        assertThat(call(put("/api/v1/posts/" + id), stranger, postBody("Pris par B", null, other.sandbox())).getStatus())
                .isEqualTo(404);
        assertThat(call(post("/api/v1/posts/" + id + "/submit"), stranger, null).getStatus()).isEqualTo(404);
        assertThat(call(delete("/api/v1/posts/" + id), stranger, null).getStatus()).isEqualTo(404);
        assertThat(ids(read(call(get("/api/v1/posts"), stranger, null)))).doesNotContain(id);
        // a post of A naming B's account: the account is not found
        assertThat(call(post("/api/v1/posts"), manager, postBody("Bonjour", null, other.sandbox())).getStatus())
                .isEqualTo(404);

        String elu = token(team.elu());
        assertThat(call(post("/api/v1/posts"), elu, postBody("Écrit par l'élu", null, team.sandbox())).getStatus())
                .isEqualTo(403);
    }

    @Test
    void draftsAreDeletedAndAPostUnderPublicationCannotChange() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        String draft = read(call(post("/api/v1/posts"), manager, postBody("Brouillon à jeter.", null, team.sandbox())))
                .get("id").asString();
        MockHttpServletResponse updated = call(put("/api/v1/posts/" + draft), manager, new LinkedHashMap<>(Map.of(
                "title", "Titre", "body", "Brouillon corrigé.", "variants", List.of(Map.of("accountId",
                        team.sandbox().toString(), "text", "Texte propre au Sandbox.")))));
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(read(updated).get("label").asString()).isEqualTo("Titre");
        assertThat(read(updated).get("variants").get(0).get("text").asString()).isEqualTo("Texte propre au Sandbox.");
        assertThat(call(delete("/api/v1/posts/" + draft), manager, null).getStatus()).isEqualTo(204);
        assertThat(read(call(get("/api/v1/posts/" + draft), manager, null)).get("status").asString())
                .isEqualTo("CANCELLED");

        Instant at = clock.instant().plus(Duration.ofHours(1));
        String id = read(call(post("/api/v1/posts"), manager, postBody("Feu d'artifice à 22 h.", at, team.sandbox())))
                .get("id").asString();
        call(post("/api/v1/posts/" + id + "/submit"), manager, null);
        assertThat(call(delete("/api/v1/posts/" + id), manager, null).getStatus()).isEqualTo(409);
        assertThat(read(call(post("/api/v1/posts/" + id + "/approve"), token(team.elu()), null)).get("status")
                .asString()).isEqualTo("SCHEDULED");

        // a node has claimed the publication: nothing may change until it is recorded
        UUID variantId = UUID.fromString(read(call(get("/api/v1/posts/" + id), manager, null)).get("variants").get(0)
                .get("id").asString());
        tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Variant variant = variants.findById(variantId).orElseThrow();
            variant.claim("test-node", clock.instant());
        }));
        MockHttpServletResponse conflict = call(put("/api/v1/posts/" + id), manager, postBody("Trop tard.", at,
                team.sandbox()));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(read(conflict).get("detail").asString()).isNotBlank();
        assertThat(call(post("/api/v1/posts/" + id + "/cancel"), manager, null).getStatus()).isEqualTo(409);
        assertThat(call(post("/api/v1/posts/" + id + "/variants/" + variantId + "/resolve"), manager,
                Map.of("published", true)).getStatus()).isEqualTo(409);
        assertThat(call(post("/api/v1/posts/" + id + "/variants/" + UUID.randomUUID() + "/resolve"), manager,
                Map.of("published", true)).getStatus()).isEqualTo(404);

        // the node died during the call: a person checks on the network and settles it
        tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                variants.findById(variantId).orElseThrow().outcomeUnknown("publishing.outcome.nodeLost", "test-node")));
        JsonNode uncertain = read(call(get("/api/v1/posts/" + id), manager, null)).get("variants").get(0);
        assertThat(uncertain.get("state").asString()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(uncertain.get("error").get("code").asString()).isEqualTo("publishing.outcome.nodeLost");
        assertThat(uncertain.get("error").get("message").asString()).contains("serveur qui publiait (test-node)");
        assertThat(call(post("/api/v1/posts/" + id + "/variants/" + variantId + "/resolve"), manager,
                Map.of("published", true, "url", "pas une adresse")).getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/posts/" + id + "/variants/" + variantId + "/resolve"), manager, Map.of())
                .getStatus()).isEqualTo(400);
        MockHttpServletResponse resolved = call(post("/api/v1/posts/" + id + "/variants/" + variantId + "/resolve"),
                manager, Map.of("published", true, "url", "https://sandbox.example/p/42"));
        assertThat(resolved.getStatus()).isEqualTo(200);
        JsonNode settled = read(resolved).get("variants").get(0);
        assertThat(settled.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(settled.get("url").asString()).isEqualTo("https://sandbox.example/p/42");
        assertThat(settled.get("resolvedBy").asString()).isNotBlank();
    }

    // ---- helpers ------------------------------------------------------------------------------

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

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private static Map<String, Object> postBody(String body, Instant at, UUID... accounts) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("body", body);
        if (at != null) {
            post.put("scheduledAt", at.toString());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (UUID account : accounts) {
            list.add(Map.of("accountId", account.toString()));
        }
        post.put("variants", list);
        return post;
    }
}

package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists the whole API and its security; Swagger UI is served. */
class OpenApiIntegrationTests extends ApiTestSupport {

    static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("/api/v1/me", List.of("get")),
            Map.entry("/api/v1/collectivites", List.of("get", "post")),
            Map.entry("/api/v1/collectivites/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/collectivites/{id}/attached", List.of("get")),
            Map.entry("/api/v1/memberships", List.of("get", "post")),
            Map.entry("/api/v1/memberships/{id}", List.of("get", "patch", "delete")),
            Map.entry("/api/v1/memberships/{id}/unlock", List.of("post")),
            Map.entry("/api/v1/services", List.of("get", "post")),
            Map.entry("/api/v1/services/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/audit", List.of("get")),
            Map.entry("/api/v1/audit/{id}", List.of("get")),
            Map.entry("/api/v1/tokens", List.of("get", "post")),
            Map.entry("/api/v1/tokens/{id}", List.of("get", "delete")),
            Map.entry("/api/v1/delegations", List.of("get", "post")),
            Map.entry("/api/v1/delegations/received", List.of("get")),
            Map.entry("/api/v1/delegations/{id}", List.of("get", "delete")),
            Map.entry("/api/v1/accounts", List.of("get")),
            Map.entry("/api/v1/accounts/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/accounts/sandbox", List.of("post")),
            Map.entry("/api/v1/accounts/bluesky", List.of("post")),
            Map.entry("/api/v1/accounts/{id}/sync", List.of("post")),
            Map.entry("/api/v1/accounts/{id}/posts", List.of("get")),
            Map.entry("/api/v1/accounts/{id}/interactions", List.of("get")),
            Map.entry("/api/v1/sandbox/accounts/{accountId}/interactions", List.of("post")),
            Map.entry("/api/v1/feeds", List.of("get", "post")),
            Map.entry("/api/v1/feeds/{id}", List.of("get", "patch", "delete")),
            Map.entry("/api/v1/feeds/{id}/fetch", List.of("post")),
            Map.entry("/api/v1/feeds/{id}/items", List.of("get")),
            Map.entry("/api/v1/posts", List.of("get", "post")),
            Map.entry("/api/v1/posts/{id}", List.of("get", "put", "delete")),
            Map.entry("/api/v1/posts/{id}/checks", List.of("get")),
            Map.entry("/api/v1/posts/{id}/history", List.of("get")),
            Map.entry("/api/v1/posts/{id}/submit", List.of("post")),
            Map.entry("/api/v1/posts/{id}/approve", List.of("post")),
            Map.entry("/api/v1/posts/{id}/request-changes", List.of("post")),
            Map.entry("/api/v1/posts/{id}/schedule", List.of("post")),
            Map.entry("/api/v1/posts/{id}/publish-now", List.of("post")),
            Map.entry("/api/v1/posts/{id}/cancel", List.of("post")),
            Map.entry("/api/v1/posts/{id}/variants/{variantId}/resolve", List.of("post")),
            Map.entry("/api/v1/posts/{id}/variants/{variantId}/thread/{number}/resolve", List.of("post")),
            Map.entry("/api/v1/elections", List.of("get", "post")),
            Map.entry("/api/v1/elections/{id}", List.of("put")),
            Map.entry("/api/v1/elections/situation", List.of("get")),
            Map.entry("/api/v1/crisis", List.of("get")),
            Map.entry("/api/v1/crisis/start", List.of("post")),
            Map.entry("/api/v1/crisis/end", List.of("post")),
            Map.entry("/api/v1/crisis/alerts", List.of("post")),
            Map.entry("/api/v1/media", List.of("get", "post")),
            Map.entry("/api/v1/media/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/media/{id}/content", List.of("get")),
            Map.entry("/api/v1/calendar/entries", List.of("get")),
            Map.entry("/api/v1/calendar/entries/{postId}/move", List.of("post")),
            Map.entry("/api/v1/calendar/feed", List.of("get", "post", "delete")),
            Map.entry("/api/v1/calendar/export.csv", List.of("get")),
            Map.entry("/api/v1/calendar/import", List.of("post")),
            Map.entry("/api/v1/publishing/settings", List.of("get", "put")),
            Map.entry("/api/v1/publishing/settings/accounts/{accountId}", List.of("put")),
            Map.entry("/api/v1/publishing/settings/reserve-names", List.of("put")),
            Map.entry("/api/v1/publishing/settings/failed-mails", List.of("get")),
            Map.entry("/api/v1/publishing/settings/failed-mails/{mailId}/retry", List.of("post")));


    /** Last path segments of POST endpoints that act on an existing object (200) rather than create one (201). */
    static final Set<String> ACTIONS = Set.of("/unlock", "/sync", "/fetch", "/submit", "/approve",
            "/request-changes", "/schedule", "/publish-now", "/cancel", "/resolve", "/end", "/move", "/import",
            "/retry");

    @Test
    void theDescriptionListsEveryEndpointWithTheBearerScheme() throws Exception {
        JsonNode api = body(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn());

        assertThat(api.get("info").get("title").asString()).isEqualTo("API Parvis");
        assertThat(api.get("info").get("description").asString()).contains("collectivités", "RFC 9457");

        JsonNode scheme = api.get("components").get("securitySchemes").get("bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).startsWith("pvs_");
        assertThat(api.get("security").get(0).has("bearer")).isTrue();

        Set<String> paths = new HashSet<>();
        api.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());

        Set<String> declaredTags = new HashSet<>();
        api.get("tags").forEach(tag -> declaredTags.add(tag.get("name").asString()));
        assertThat(declaredTags).contains("Appelant", "Collectivités", "Membres", "Services municipaux",
                "Journal d'audit", "Jetons d'API", "Délégations", "Comptes sociaux",
                "Sources RSS/Atom", "Publications", "Élections", "Mode crise", "Calendrier éditorial",
                "Réglages de publication");

        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        OPERATIONS.forEach((path, methods) -> {
            JsonNode item = api.get("paths").get(path);
            Set<String> documented = new HashSet<>();
            item.propertyNames().forEach(documented::add);
            documented.remove("parameters");
            if (!documented.equals(Set.copyOf(methods))) {
                problems.add(path + " documents " + documented + ", expected " + methods);
            }
            for (String method : methods) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                if (operation.get("summary") == null || operation.get("summary").asString().isBlank()) {
                    problems.add(method + " " + path + " has no summary");
                }
                String operationId = operation.get("operationId").asString();
                if (!operationIds.add(operationId) || !operationId.matches("[a-z][A-Za-z]+")) {
                    problems.add(method + " " + path + " has operationId " + operationId);
                }
                JsonNode responses = operation.get("responses");
                List<String> errors = new ArrayList<>(List.of("401", "403"));
                if (path.contains("{")) {
                    errors.add("404");
                }
                if (method.equals("post") || method.equals("patch")) {
                    errors.add("400");
                }
                for (String code : errors) {
                    if (!responses.has(code) || !responses.get(code).get("content").has(PROBLEM_JSON)) {
                        problems.add(method + " " + path + " does not document the " + code + " problem");
                    }
                }
                String success = method.equals("delete") ? "204" : method.equals("post")
                        && !ACTIONS.contains(path.substring(path.lastIndexOf('/'))) ? "201" : "200";
                if (!responses.has(success)) {
                    problems.add(method + " " + path + " does not document " + success);
                }
                JsonNode tags = operation.get("tags");
                if (tags == null || tags.size() != 1 || !declaredTags.contains(tags.get(0).asString())) {
                    problems.add(method + " " + path + " has tags " + tags);
                }
            }
        });
        assertThat(problems).isEmpty();

        assertThat(api.get("paths").get("/api/v1/memberships/{id}").get("delete").get("responses").get("409")
                .get("content").has(PROBLEM_JSON)).isTrue();
        JsonNode problem = api.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail",
                "instance", "code", "errors");
        JsonNode creation = api.get("components").get("schemas").get("CollectiviteCreation");
        assertThat(creation.get("properties").get("name").get("maxLength").asInt()).isEqualTo(150);
        assertThat(creation.get("required")).isNotNull();
    }

    @Test
    void swaggerUiLoads() throws Exception {
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/swagger-ui/index.html")));
        String page = mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("swagger-ui");
        String config = mvc.perform(get("/v3/api-docs/swagger-config"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(config).contains("/v3/api-docs");
    }
}

package fr.parvis.publishing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.NewApiToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
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
 * The publishing settings API: the circuit, each account's settings and the names watched during
 * the reserve, with the validation of the settings page, the permission, the audit trail and the
 * isolation of collectivités.
 */
@IntegrationTest
class PublishingSettingsApiIntegrationTests {

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
    AuditTrail audit;

    @Test
    void theCircuitIsReadByMembersAndChangedWithThePageValidation() throws Exception {
        Team team = fixtures.team();
        String admin = token(team.admin());
        String manager = token(team.manager());

        JsonNode settings = read(call(get("/api/v1/publishing/settings"), manager, null));
        assertThat(settings.get("approvalLevels").asInt()).isEqualTo(1);
        assertThat(settings.get("notifyByEmail").asBoolean()).isTrue();
        assertThat(settings.get("accounts").get(0).get("accountId").asString()).isEqualTo(team.sandbox().toString());

        Map<String, Object> twoLevels = Map.of("approvalLevels", 2, "level1Roles", List.of("ELECTED_OFFICIAL"),
                "level2Roles", List.of("ADMIN", "COMMUNICATION_DIRECTOR"), "notifyByEmail", false);
        MockHttpServletResponse forbidden = call(put("/api/v1/publishing/settings"), manager, twoLevels);
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(forbidden.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse noRole = call(put("/api/v1/publishing/settings"), admin, Map.of("approvalLevels", 2,
                "level1Roles", List.of("ELECTED_OFFICIAL"), "level2Roles", List.of()));
        assertThat(noRole.getStatus()).isEqualTo(400);
        assertThat(read(noRole).get("detail").asString()).isEqualTo("Choisissez au moins un rôle qui valide au niveau 2.");
        assertThat(call(put("/api/v1/publishing/settings"), admin, Map.of("approvalLevels", 1,
                "level1Roles", List.of("COMMUNITY_MANAGER"), "level2Roles", List.of())).getStatus()).isEqualTo(400);
        assertThat(call(put("/api/v1/publishing/settings"), admin, Map.of("approvalLevels", 3,
                "level1Roles", List.of("ADMIN"), "level2Roles", List.of("ADMIN"))).getStatus()).isEqualTo(400);
        assertThat(read(call(get("/api/v1/publishing/settings"), admin, null)).get("approvalLevels").asInt()).isEqualTo(1);

        MockHttpServletResponse changed = call(put("/api/v1/publishing/settings"), admin, twoLevels);
        assertThat(changed.getStatus()).isEqualTo(200);
        JsonNode after = read(changed);
        assertThat(after.get("approvalLevels").asInt()).isEqualTo(2);
        assertThat(after.get("level1Roles").toString()).isEqualTo("[\"ELECTED_OFFICIAL\"]");
        assertThat(after.get("level2Roles").toString()).contains("ADMIN", "COMMUNICATION_DIRECTOR");
        assertThat(after.get("notifyByEmail").asBoolean()).isFalse();
        assertThat(actions(team.admin())).contains("publishing.settings.changed");

        // another collectivité keeps its own circuit
        Team other = fixtures.team();
        assertThat(read(call(get("/api/v1/publishing/settings"), token(other.admin()), null))
                .get("approvalLevels").asInt()).isEqualTo(1);
    }

    @Test
    void anAccountsOwnSettingsAreChangedAndAnotherCollectivitesAccountIsNotFound() throws Exception {
        Team team = fixtures.team();
        String admin = token(team.admin());
        MockHttpServletResponse changed = call(put("/api/v1/publishing/settings/accounts/" + team.sandbox()), admin,
                Map.of("approvalLevels", 0, "nativeScheduling", false));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(read(changed).get("approvalLevels").asInt()).isZero();
        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("approvalLevels", null);
        backToDefault.put("nativeScheduling", false);
        JsonNode reset = read(call(put("/api/v1/publishing/settings/accounts/" + team.sandbox()), admin, backToDefault));
        assertThat(reset.get("approvalLevels") == null || reset.get("approvalLevels").isNull()).isTrue();
        assertThat(call(put("/api/v1/publishing/settings/accounts/" + team.sandbox()), admin,
                Map.of("approvalLevels", 5)).getStatus()).isEqualTo(400);
        assertThat(actions(team.admin())).contains("publishing.settings.accountChanged");

        Team other = fixtures.team();
        MockHttpServletResponse foreign = call(put("/api/v1/publishing/settings/accounts/" + team.sandbox()),
                token(other.admin()), Map.of("approvalLevels", 2));
        assertThat(foreign.getStatus()).isEqualTo(404);
        JsonNode kept = read(call(get("/api/v1/publishing/settings"), admin, null)).get("accounts").get(0);
        assertThat(kept.get("approvalLevels") == null || kept.get("approvalLevels").isNull()).isTrue();
    }

    @Test
    void theNamesWatchedDuringTheReserveAreReplacedAndValidated() throws Exception {
        Team team = fixtures.team();
        String director = token(team.director());
        MockHttpServletResponse saved = call(put("/api/v1/publishing/settings/reserve-names"), director,
                Map.of("names", List.of(" Jeanne Martin ", "", "@jeanne-martin-2027", "Jeanne Martin")));
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(read(saved).get("names").toString()).isEqualTo("[\"Jeanne Martin\",\"@jeanne-martin-2027\"]");
        assertThat(read(call(get("/api/v1/publishing/settings"), token(team.elu()), null)).get("reserveNames")
                .toString()).isEqualTo("[\"Jeanne Martin\",\"@jeanne-martin-2027\"]");
        assertThat(actions(team.admin())).contains("publishing.settings.reserveNamesChanged");

        MockHttpServletResponse tooLong = call(put("/api/v1/publishing/settings/reserve-names"), director,
                Map.of("names", List.of("x".repeat(151))));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(read(tooLong).get("detail").asString()).contains("150 caractères");
        List<String> many = new ArrayList<>(IntStream.rangeClosed(1, 101).mapToObj(i -> "Candidat " + i).toList());
        assertThat(call(put("/api/v1/publishing/settings/reserve-names"), director, Map.of("names", many))
                .getStatus()).isEqualTo(400);
        assertThat(call(put("/api/v1/publishing/settings/reserve-names"), token(team.manager()),
                Map.of("names", List.of("Paul"))).getStatus()).isEqualTo(403);
        assertThat(read(call(get("/api/v1/publishing/settings"), director, null)).get("reserveNames")).hasSize(2);

        assertThat(call(put("/api/v1/publishing/settings/reserve-names"), director, Map.of("names", List.of()))
                .getStatus()).isEqualTo(200);
        assertThat(read(call(get("/api/v1/publishing/settings"), director, null)).get("reserveNames")).isEmpty();
    }

    @Test
    void failedMailsAreForTheSettingsPermissionAndUnknownOnesAreNotFound() throws Exception {
        Team team = fixtures.team();
        assertThat(read(call(get("/api/v1/publishing/settings/failed-mails"), token(team.admin()), null))).isEmpty();
        assertThat(call(get("/api/v1/publishing/settings/failed-mails"), token(team.manager()), null).getStatus())
                .isEqualTo(403);
        assertThat(call(post("/api/v1/publishing/settings/failed-mails/" + UUID.randomUUID() + "/retry"),
                token(team.admin()), null).getStatus()).isEqualTo(404);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<String> actions(Agent admin) {
        return tenants.as(admin, () -> audit.search(AuditQuery.firstPage())).entries().stream()
                .map(e -> e.action()).toList();
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
}

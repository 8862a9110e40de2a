package fr.parvis.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/audit}. */
class AuditApiIntegrationTests extends ApiTestSupport {

    Tenant commune;
    CreatedApiToken adminToken;

    @BeforeEach
    void communeWithSomeHistory() throws Exception {
        commune = tenants.commune();
        adminToken = token(commune.admin());
        mvc.perform(post("/api/v1/services").with(bearer(adminToken.secret()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/services").with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Écoles\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void searchesTheTrail() throws Exception {
        mvc.perform(get("/api/v1/audit").with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.entries[*].action", hasItem("service.created")))
                .andExpect(jsonPath("$.entries[*].action", hasItem("token.created")))
                .andExpect(jsonPath("$.entries[*].action", hasItem("member.added")))
                .andExpect(jsonPath("$.entries[0].occurredAt").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")));

        mvc.perform(get("/api/v1/audit").param("action", "service.created").param("text", "voirie")
                        .with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].objectLabel").value("Voirie"))
                .andExpect(jsonPath("$.entries[0].channel").value("API"))
                .andExpect(jsonPath("$.entries[0].tokenName").value(adminToken.token().name()))
                .andExpect(jsonPath("$.entries[0].actorUserId").value(commune.admin().userId().toString()));

        mvc.perform(get("/api/v1/audit").param("action", "service.created").with(session(commune.admin())))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.entries[0].objectLabel").value("Écoles"))
                .andExpect(jsonPath("$.entries[0].channel").value("WEB"));

        mvc.perform(get("/api/v1/audit").param("actor", commune.admin().userId().toString())
                        .param("size", "1").param("page", "1").with(bearer(adminToken.secret())))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalPages").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)))
                .andExpect(jsonPath("$.entries[*].actorUserId", everyItem(is(commune.admin().userId().toString()))));

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
        mvc.perform(get("/api/v1/audit").param("from", today.toString()).param("to", today.toString())
                        .param("action", "service.created").with(bearer(adminToken.secret())))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/audit").param("to", today.minusDays(1).toString()).with(bearer(adminToken.secret())))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit").param("actor", UUID.randomUUID().toString()).with(bearer(adminToken.secret())))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.entries", hasSize(0)));
    }

    @Test
    void readsOneEntry() throws Exception {
        JsonNode page = body(mvc.perform(get("/api/v1/audit").param("action", "service.created")
                .with(bearer(adminToken.secret()))).andReturn());
        JsonNode first = page.get("entries").get(0);
        mvc.perform(get("/api/v1/audit/{id}", first.get("id").asString()).with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asString()))
                .andExpect(jsonPath("$.action").value("service.created"))
                .andExpect(jsonPath("$.objectType").value(first.get("objectType").asString()))
                .andExpect(jsonPath("$.occurredAt").value(first.get("occurredAt").asString()));
        for (String id : new String[] {UUID.randomUUID().toString(), "42"}) {
            mvc.perform(get("/api/v1/audit/{id}", id).with(bearer(adminToken.secret())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/audit/{id}", UUID.randomUUID()).with(bearer(adminToken.secret())))
                .andExpect(jsonPath("$.detail").value("Cette entrée du journal n'existe pas."));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        String[][] cases = {
                {"actor", "pas-un-uuid"},
                {"from", "2026-13-01"},
                {"to", "01/02/2026"},
                {"size", "201"},
                {"size", "0"},
                {"page", "-1"},
                {"page", "deux"},
                {"text", "t".repeat(101)},
                {"action", "a".repeat(61)},
        };
        for (String[] c : cases) {
            mvc.perform(get("/api/v1/audit").param(c[0], c[1]).with(bearer(adminToken.secret())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("invalid-input"))
                    .andExpect(jsonPath("$.detail").value("Certaines valeurs sont invalides\u00a0: voir la liste «\u00a0errors\u00a0»."))
                    .andExpect(jsonPath("$.errors[0].field").value(c[0]));
        }
        mvc.perform(get("/api/v1/audit").param("from", "2026-03-02").param("to", "2026-03-01")
                        .with(bearer(adminToken.secret())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("La date de fin (to) précède la date de début (from)."))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/audit").param("size", "201").header("Accept-Language", "en")
                        .with(bearer(adminToken.secret())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The value must be less than or equal to 200."));
        mvc.perform(get("/api/v1/audit").param("size", "200").with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(200));
    }

    @Test
    void theTrailIsForAdministrators() throws Exception {
        Agent director = tenants.member(commune, Role.COMMUNICATION_DIRECTOR);
        String entryId = body(mvc.perform(get("/api/v1/audit").with(bearer(adminToken.secret()))).andReturn())
                .get("entries").get(0).get("id").asString();
        mvc.perform(get("/api/v1/audit").with(bearer(director)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/audit/{id}", entryId).with(bearer(director)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(bearer(token(commune.admin(), Role.READ_ONLY).secret())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Votre rôle ne permet pas")));
    }
}

package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /api/v1/memberships}. */
class MembershipsApiIntegrationTests extends ApiTestSupport {

    @Autowired
    MemberManagement members;

    Tenant commune;

    @BeforeEach
    void commune() {
        commune = tenants.commune();
    }

    @Test
    void listsTheMembers() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        mvc.perform(get("/api/v1/memberships").with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.email == '%s')].role", manager.email()).value("COMMUNITY_MANAGER"))
                .andExpect(jsonPath("$[?(@.email == '%s')].userId", manager.email()).value(manager.userId().toString()))
                .andExpect(jsonPath("$[?(@.email == '%s')].locked", manager.email()).value(false))
                .andExpect(jsonPath("$[?(@.email == '%s')].role", commune.admin().email()).value("ADMIN"));
    }

    @Test
    void addsAMemberWithANewAccountThenReadsChangesAndRemovesIt() throws Exception {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie.example";
        MvcResult created = mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("email", email, "displayName", "Camille Martin",
                                "role", "COMMUNITY_MANAGER", "initialPassword", "Provisoire-2026!"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.newAccount").value(true))
                .andExpect(jsonPath("$.membership.email").value(email))
                .andExpect(jsonPath("$.membership.displayName").value("Camille Martin"))
                .andExpect(jsonPath("$.membership.role").value("COMMUNITY_MANAGER"))
                .andExpect(jsonPath("$.membership.mustChangePassword").value(true))
                .andExpect(jsonPath("$.membership.since").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")))
                .andExpect(jsonPath("$.membership.initialPassword").doesNotExist())
                .andReturn();
        String id = body(created).get("membership").get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/memberships/" + id);

        mvc.perform(get("/api/v1/memberships/{id}", id).with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.email").value(email));

        mvc.perform(patch("/api/v1/memberships/{id}", id).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("READ_ONLY"));
        assertThat(tenants.as(commune.admin(), () -> members.get(UUID.fromString(id))).role()).isEqualTo(Role.READ_ONLY);

        mvc.perform(delete("/api/v1/memberships/{id}", id).with(bearer(commune.admin())))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));
        assertThat(tenants.as(commune.admin(), members::list)).extracting(MemberView::email).doesNotContain(email);
        mvc.perform(get("/api/v1/memberships/{id}", id).with(bearer(commune.admin())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Ce membre n'existe pas dans cette collectivité."));
    }

    @Test
    void addsAnExistingAccountWithoutPassword() throws Exception {
        Tenant other = tenants.commune();
        mvc.perform(post("/api/v1/memberships").with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("email", other.admin().email(), "displayName", "Ignoré",
                                "role", "READ_ONLY"))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.newAccount").value(false))
                .andExpect(jsonPath("$.membership.userId").value(other.admin().userId().toString()));
    }

    @Test
    void aDuplicateEmailInTheSameCollectiviteIsAConflict() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("email", manager.email().toUpperCase(), "displayName", "Doublon",
                                "role", "READ_ONLY", "initialPassword", "Provisoire-2026!"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("conflict"))
                .andExpect(jsonPath("$.title").value("Conflit"))
                .andExpect(jsonPath("$.detail").value(containsString("est déjà membre de cette collectivité")))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(2);
    }

    @Test
    void aWeakPasswordCreatesNothing() throws Exception {
        int before = tenants.as(commune.admin(), members::list).size();
        String email = "faible-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie.example";
        for (String weak : List.of("court1!", "azertyuiop123", "aaaaaaaaaaaaaaaa", "sanschiffresnisymboles")) {
            mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(toJson(Map.of("email", email, "displayName", "Dominique Faible",
                                    "role", "READ_ONLY", "initialPassword", weak))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("invalid-input"))
                    .andExpect(jsonPath("$.detail").value(containsString("mot de passe")))
                    .andExpect(jsonPath("$.errors[0].field").value("initialPassword"));
        }
        mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("email", email, "displayName", "Dominique Faible", "role", "READ_ONLY"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("initialPassword"));
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(before)
                .extracting(MemberView::email).doesNotContain(email);
    }

    @Test
    void invalidBodiesNameEveryFieldAtFault() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "pas-une-adresse");
        body.put("displayName", "d".repeat(121));
        body.put("initialPassword", "p".repeat(257));
        mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(toJson(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "email", "displayName", "role", "initialPassword")));
        mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unreadable"));
        mvc.perform(post("/api/v1/memberships").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.fr\",\"displayName\":\"A\",\"role\":\"EMPEREUR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].message").value("Valeur d'un type inattendu."));
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(1);
    }

    @Test
    void theLastAdministratorStays() throws Exception {
        MemberView admin = tenants.as(commune.admin(), members::list).get(0);
        mvc.perform(patch("/api/v1/memberships/{id}", admin.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("au moins un administrateur")));
        mvc.perform(delete("/api/v1/memberships/{id}", admin.id()).with(bearer(commune.admin())))
                .andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/memberships/{id}", admin.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void removingAMemberRevokesTheirTokens() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        CreatedApiToken managerToken = token(manager);
        MemberView membership = tenants.as(commune.admin(), members::list).stream()
                .filter(m -> m.email().equals(manager.email())).findFirst().orElseThrow();

        mvc.perform(delete("/api/v1/memberships/{id}", membership.id()).with(session(commune.admin())))
                .andExpect(status().isNoContent());
        assertThat(tenants.as(commune.admin(), () -> tokenManagement.get(managerToken.token().id())).status())
                .isEqualTo(ApiTokenView.TokenStatus.REVOKED);
        mvc.perform(get("/api/v1/me").with(bearer(managerToken.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token-revoked"));
    }

    @Test
    void unlocksAnAccountLockedAfterFailedLogins() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/connexion").with(csrf()).param("email", manager.email())
                    .param("password", "mauvais-mot-de-passe-" + i));
        }
        MemberView locked = tenants.as(commune.admin(), members::list).stream()
                .filter(m -> m.email().equals(manager.email())).findFirst().orElseThrow();
        assertThat(locked.locked()).isTrue();
        mvc.perform(get("/api/v1/memberships/{id}", locked.id()).with(bearer(commune.admin())))
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.lockedUntil").isString());

        mvc.perform(post("/api/v1/memberships/{id}/unlock", locked.id()).with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.lockedUntil").doesNotExist());
        assertThat(tenants.as(commune.admin(), () -> members.get(locked.id())).locked()).isFalse();
    }

    @Test
    void membersAreForRolesThatMayViewThem() throws Exception {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        Agent director = tenants.member(commune, Role.COMMUNICATION_DIRECTOR);
        mvc.perform(get("/api/v1/memberships").with(bearer(reader)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/memberships").with(bearer(director)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/memberships").with(bearer(director))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("email", "x-" + UUID.randomUUID() + "@mairie.example",
                                "displayName", "X", "role", "ADMIN", "initialPassword", "Provisoire-2026!"))))
                .andExpect(status().isForbidden());
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(3);
    }
}

package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.Role;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/tokens}. */
class TokensApiIntegrationTests extends ApiTestSupport {

    Tenant commune;

    @BeforeEach
    void commune() {
        commune = tenants.commune();
    }

    @Test
    void createsATokenFromTheSessionAndShowsItsSecretOnce() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/tokens").with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Export nocturne", "role", "READ_ONLY", "validityDays", 90))))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.secret").value(startsWith("pvs_")))
                .andExpect(jsonPath("$.token.name").value("Export nocturne"))
                .andExpect(jsonPath("$.token.role").value("READ_ONLY"))
                .andExpect(jsonPath("$.token.status").value("ACTIVE"))
                .andExpect(jsonPath("$.token.ownerId").value(commune.admin().userId().toString()))
                .andReturn();
        JsonNode created = body(result);
        String id = created.get("token").get("id").asString();
        String secret = created.get("secret").asString();
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/tokens/" + id);
        assertThat(created.get("token").get("prefix").asString()).isEqualTo(secret.substring(0, 12));

        mvc.perform(get("/api/v1/me").with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenName").value("Export nocturne"))
                .andExpect(jsonPath("$.role").value("READ_ONLY"));
        mvc.perform(get("/api/v1/tokens/{id}", id).with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.lastUsedAt").isString());
        mvc.perform(get("/api/v1/tokens").with(session(commune.admin())))
                .andExpect(jsonPath("$[*].id", hasItem(id)))
                .andExpect(jsonPath("$[*].secret").isEmpty());
    }

    @Test
    void aTokenCannotCreateAnotherToken() throws Exception {
        CreatedApiToken token = token(commune.admin());
        mvc.perform(post("/api/v1/tokens").with(bearer(token.secret()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Rebond", "role", "READ_ONLY", "validityDays", 10))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("token-creation-with-token"))
                .andExpect(jsonPath("$.detail").value("Un jeton d'API ne peut pas créer d'autre jeton : créez-le "
                        + "depuis une session du navigateur (Paramètres › Jetons d'API)."));
        mvc.perform(post("/api/v1/tokens").with(bearer(token.secret())).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Rebond", "role", "READ_ONLY", "validityDays", 10))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("An API token cannot create another token: create it from "
                        + "a browser session (Settings › API tokens)."));
        assertThat(tenants.as(commune.admin(), tokenManagement::mine)).hasSize(1);
    }

    @Test
    void invalidTokenRequestsAreProblems() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        mvc.perform(post("/api/v1/tokens").with(session(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Trop haut", "role", "ADMIN", "validityDays", 10))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Un jeton ne peut pas avoir un rôle supérieur au vôtre."))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/tokens").with(session(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "n".repeat(81), "role", "READ_ONLY", "validityDays", 366))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "name", "validityDays")));
        mvc.perform(post("/api/v1/tokens").with(session(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Zéro", "role", "READ_ONLY", "validityDays", 0))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validityDays"))
                .andExpect(jsonPath("$.errors[0].message").value("La valeur doit être supérieure ou égale à 1."));
        assertThat(tenants.as(manager, tokenManagement::mine)).isEmpty();
    }

    @Test
    void listsOwnTokensAndEveryTokenForAdministrators() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        CreatedApiToken managerToken = token(manager);
        CreatedApiToken adminToken = token(commune.admin());

        mvc.perform(get("/api/v1/tokens").with(bearer(managerToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(managerToken.token().id().toString()));
        mvc.perform(get("/api/v1/tokens").param("all", "true").with(bearer(managerToken.secret())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tokens").param("all", "true").with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].ownerId", org.hamcrest.Matchers.containsInAnyOrder(
                        manager.userId().toString(), commune.admin().userId().toString())));
        mvc.perform(get("/api/v1/tokens").param("all", "maybe").with(bearer(adminToken.secret())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("all"));

        // Another member's token: invisible to a member, visible to an administrator.
        mvc.perform(get("/api/v1/tokens/{id}", adminToken.token().id()).with(bearer(managerToken.secret())))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/tokens/{id}", adminToken.token().id()).with(bearer(managerToken.secret())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tokens/{id}", managerToken.token().id()).with(bearer(adminToken.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(manager.userId().toString()));
        mvc.perform(get("/api/v1/tokens/{id}", "not-a-token").with(bearer(adminToken.secret())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRevokedTokenStaysListedAndIsRefusedWithItsRevocationDate() throws Exception {
        CreatedApiToken token = token(commune.admin());
        CreatedApiToken other = token(commune.admin());

        mvc.perform(delete("/api/v1/tokens/{id}", token.token().id()).with(bearer(other.secret())))
                .andExpect(status().isNoContent());

        ApiTokenView revoked = tenants.as(commune.admin(), () -> tokenManagement.get(token.token().id()));
        assertThat(revoked.status()).isEqualTo(ApiTokenView.TokenStatus.REVOKED);
        mvc.perform(get("/api/v1/tokens").with(bearer(other.secret())))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", token.token().id().toString()).value("REVOKED"))
                .andExpect(jsonPath("$[?(@.id == '%s')].revokedAt", token.token().id().toString()).isNotEmpty());

        String date = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE)
                .withZone(ZoneId.of("Europe/Paris")).format(revoked.revokedAt());
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.code").value("token-revoked"))
                .andExpect(jsonPath("$.detail").value("Ce jeton d'API a été révoqué le " + date + "."));

        // Revoking twice is harmless.
        mvc.perform(delete("/api/v1/tokens/{id}", token.token().id()).with(bearer(other.secret())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tokens/{id}", token.token().id()).with(session(commune.admin())))
                .andExpect(jsonPath("$.revokedAt").value(revoked.revokedAt().toString()));
    }

    @Test
    void aTokenMayRevokeItself() throws Exception {
        CreatedApiToken token = token(commune.admin());
        mvc.perform(delete("/api/v1/tokens/{id}", token.token().id()).with(bearer(token.secret())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token-revoked"));
        mvc.perform(get("/api/v1/tokens").with(session(commune.admin())))
                .andExpect(jsonPath("$[*].status", not(hasItem("ACTIVE"))));
    }

    @Test
    void unknownTokenIdsAreNotFound() throws Exception {
        mvc.perform(delete("/api/v1/tokens/{id}", UUID.randomUUID()).with(bearer(commune.admin())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Ce jeton n'existe pas."));
    }
}

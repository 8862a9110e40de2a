package fr.parvis.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.Role;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Who may call the API, and the Problem Details of those who may not. */
class ApiAuthenticationIntegrationTests extends ApiTestSupport {

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    MemberManagement members;

    Tenant commune;

    @BeforeEach
    void commune() {
        commune = tenants.commune();
    }

    @Test
    void withoutCredentialsTheApiAsksForThem() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.title").value("Authentification requise"))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
        mvc.perform(get("/api/v1/services/{id}", java.util.UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        // Without a bearer token a write is taken for a browser request: the CSRF check answers
        // first, and its message points scripts to API tokens.
        mvc.perform(post("/api/v1/services").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("csrf"))
                .andExpect(jsonPath("$.detail").value(containsString("jeton d'API")));
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        for (String secret : new String[] {"pvs_" + "x".repeat(43), "court", "pvs_" + "é".repeat(30)}) {
            mvc.perform(get("/api/v1/me").with(bearer(secret)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                    .andExpect(jsonPath("$.code").value("token-unknown"))
                    .andExpect(jsonPath("$.detail").value(
                            "Ce jeton d'API est inconnu. Vérifiez qu'il a été copié en entier."));
        }
        mvc.perform(get("/api/v1/me").with(bearer("pvs_" + "x".repeat(43))).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(jsonPath("$.detail").value("This API token is unknown. Check that it was copied entirely."));
    }

    @Test
    void anExpiredTokenIsRefusedWithItsExpiryDate() throws Exception {
        CreatedApiToken token = token(commune.admin());
        mvc.perform(get("/api/v1/me").with(bearer(token.secret()))).andExpect(status().isOk());

        clock.advance(Duration.ofDays(31));
        String date = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE)
                .withZone(ZoneId.of("Europe/Paris")).format(token.token().expiresAt());
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("token-expired"))
                .andExpect(jsonPath("$.detail").value(containsString("a expiré le " + date)));
        mvc.perform(get("/api/v1/tokens/{id}", token.token().id()).with(session(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPIRED"));
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value(containsString("This API token expired on " + date)));
    }

    @Test
    void aTokenStopsWorkingWhenItsOwnerLosesTheRole() throws Exception {
        Agent director = tenants.member(commune, Role.COMMUNICATION_DIRECTOR);
        CreatedApiToken token = token(director);
        mvc.perform(get("/api/v1/me").with(bearer(token.secret()))).andExpect(status().isOk());
        String membershipId = tenants.as(commune.admin(), members::list).stream()
                .filter(m -> m.email().equals(director.email())).findFirst().orElseThrow().id().toString();
        mvc.perform(patch("/api/v1/memberships/{id}", membershipId).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token-role"))
                .andExpect(jsonPath("$.detail").value(
                        "Le rôle de ce jeton dépasse désormais le rôle de son titulaire\u00a0: le jeton ne peut plus servir."));
    }

    @Test
    void sessionWritesNeedTheCsrfTokenButBearerWritesDoNot() throws Exception {
        mvc.perform(post("/api/v1/services").with(sessionWithoutCsrf(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("csrf"))
                .andExpect(jsonPath("$.detail").value(containsString("X-CSRF-TOKEN")));
        mvc.perform(post("/api/v1/services").with(sessionWithoutCsrf(commune.admin())).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Missing or invalid CSRF token")));
        Assertions.assertThat(tenants.as(commune.admin(), services::list)).isEmpty();

        // Reads need no CSRF token, and bearer writes need none either.
        mvc.perform(get("/api/v1/services").with(sessionWithoutCsrf(commune.admin())))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aReadOnlyTokenCannotWrite() throws Exception {
        CreatedApiToken readOnly = token(commune.admin(), Role.READ_ONLY);
        mvc.perform(get("/api/v1/services").with(bearer(readOnly.secret())))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/services").with(bearer(readOnly.secret()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.detail").value("Votre rôle ne permet pas cette action dans cette collectivité."));
        mvc.perform(post("/api/v1/services").with(bearer(readOnly.secret())).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Your role does not allow this action in this local government."));
        Assertions.assertThat(tenants.as(commune.admin(), services::list)).isEmpty();
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").with(bearer(commune.admin())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/services")
                        .with(bearer(commune.admin())).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("La méthode PUT n'est pas autorisée sur cette ressource."));
        mvc.perform(get("/api/v1/nothing-here").with(bearer(commune.admin())).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value(
                        "This resource does not exist or does not belong to your local government."));

        // Outside /api/ the interface keeps its own error pages.
        var page = mvc.perform(get("/page-inexistante").with(sessionWithoutCsrf(commune.admin())))
                .andExpect(status().isNotFound())
                .andReturn().getResponse();
        org.assertj.core.api.Assertions.assertThat(page.getContentType()).isNull();
        org.assertj.core.api.Assertions.assertThat(page.getErrorMessage()).isNotNull();
    }
}

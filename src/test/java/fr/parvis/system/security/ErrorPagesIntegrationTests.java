package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.territory.Role;
import fr.parvis.test.HttpBrowser;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The error pages a browser really gets (403, 404, 500, CSRF) are French, explain what to do, and show no internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesIntegrationTests.FailingController.class)
class ErrorPagesIntegrationTests {

    /** A page that fails, to see what an unexpected error looks like. */
    @Controller
    static class FailingController {

        @GetMapping("/test/panne")
        String fail() {
            throw new IllegalStateException("panne simulée");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Tenant commune;
    HttpBrowser browser;

    @BeforeEach
    void setUp() throws Exception {
        commune = tenants.commune();
        browser = new HttpBrowser("http://localhost:" + port);
    }

    @Test
    void notFoundIsFrenchAndDoesNotTellWhetherTheObjectExistsElsewhere() throws Exception {
        Tenant other = tenants.commune();
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        HttpResponse<String> unknown = browser.get("/parametres/services/" + java.util.UUID.randomUUID());
        HttpResponse<String> foreign = browser.get("/collectivites/" + other.id() + "/logo");
        HttpResponse<String> nowhere = browser.get("/nulle-part");
        for (HttpResponse<String> response : java.util.List.of(unknown, foreign, nowhere)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("Page introuvable", "Retour au tableau de bord")
                    .doesNotContain("Exception", "Whitelabel", "trace");
        }
    }

    @Test
    void anUnexpectedErrorShowsAFrenchPageWithoutInternals() throws Exception {
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        HttpResponse<String> response = browser.get("/test/panne");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Erreur inattendue", "Heure de l")
                .doesNotContain("IllegalStateException", "panne simulée", "at fr.parvis");
    }

    @Test
    void forbiddenExplainsTheRole() throws Exception {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        browser.login(reader.email(), reader.password());
        HttpResponse<String> response = browser.get("/parametres/journal");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Accès refusé", "Votre rôle dans cette collectivité ne permet pas");
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndNothingIsSaved() throws Exception {
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        browser.get("/parametres/services");
        HttpResponse<String> response = browser.post("/parametres/services",
                Map.of("name", "Service sans jeton"), false);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Le formulaire a expiré", "Rechargez la page");
        assertThat(browser.get("/parametres/services").body()).doesNotContain("Service sans jeton");

        HttpResponse<String> accepted = browser.post("/parametres/services", Map.of("name", "Service avec jeton"), true);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/parametres/services").body()).contains("Service avec jeton");
    }
}

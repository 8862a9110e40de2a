package fr.parvis.system.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.test.HttpBrowser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An installation without demo data starts empty: the set-up page, protected by the code printed
 * in the log, creates the first collectivité and its administrator, then closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-run-setup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "parvis.demo.enabled=false"})
class FirstRunSetupIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    FirstRunSetup setup;

    @Test
    void createsTheFirstCollectiviteThenCloses() throws Exception {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + port);
        HttpResponse<String> page = browser.get("/installation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Installation de Parvis", "Code d");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "mauvais-code");
        form.put("type", "COMMUNE");
        form.put("name", "Saint-Exemple");
        form.put("officialCode", "69999");
        form.put("population", "3200");
        form.put("email", "dgs@saint-exemple.example");
        form.put("displayName", "Louise Bernard");
        form.put("password", "Premier-acces-2026");
        form.put("passwordConfirmation", "Premier-acces-2026");
        assertThat(browser.post("/installation", form, true).body()).contains("Ce code d&#39;installation est incorrect.");

        form.put("code", setup.code());
        form.put("officialCode", "20999");
        assertThat(browser.post("/installation", form, true).body()).contains("n&#39;est pas un code INSEE de commune");
        assertThat(setup.open()).as("nothing half-created").isTrue();

        form.put("officialCode", "69999");
        form.put("passwordConfirmation", "autre-chose-2026");
        assertThat(browser.post("/installation", form, true).body())
                .contains("La confirmation ne correspond pas au nouveau mot de passe.");

        form.put("passwordConfirmation", "Premier-acces-2026");
        HttpResponse<String> done = browser.post("/installation", form, true);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
        assertThat(setup.open()).isFalse();
        assertThat(browser.get("/installation").statusCode()).isEqualTo(404);

        HttpResponse<String> login = browser.login("dgs@saint-exemple.example", "Premier-acces-2026");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/").doesNotContain("erreur");
        assertThat(browser.get("/").body()).contains("Saint-Exemple", "Administrateur");
    }
}

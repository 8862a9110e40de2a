package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.territory.Role;
import fr.parvis.test.HttpBrowser;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect login for agents against mock-oauth2-server (a real OIDC provider on loopback):
 * the agent lands in their collectivité; an identity without a Parvis account is refused with a
 * French explanation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginIntegrationTests {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    AuditTrail audit;

    Tenant commune;
    HttpBrowser browser;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("parvis.security.oidc.issuer-uri", () -> PROVIDER.issuerUrl("agents").toString());
        registry.add("parvis.security.oidc.client-id", () -> "parvis");
        registry.add("parvis.security.oidc.client-secret", () -> "secret");
        registry.add("parvis.security.oidc.label", () -> "le compte de la mairie");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
        browser = new HttpBrowser("http://localhost:" + port);
    }

    @Test
    void theLoginPageOffersSingleSignOn() throws Exception {
        assertThat(browser.get("/connexion").body()).contains("Se connecter avec le compte de la mairie",
                "/oauth2/authorization/agents");
    }

    @Test
    void aKnownAgentLogsInWithTheProviderAndIsLinked() throws Exception {
        Agent agent = tenants.member(commune, Role.COMMUNITY_MANAGER);
        enqueue("sub-" + agent.userId(), agent.email(), true);

        HttpResponse<String> landed = browser.follow(browser.get("/oauth2/authorization/agents"));
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("Tableau de bord", commune.name());

        assertThat(tenants.as(commune.admin(), () -> audit.search(new AuditQuery("account.login", agent.userId().value(),
                null, null, null, 0, 10)).entries())).singleElement()
                .satisfies(entry -> assertThat(entry.details()).isEqualTo("method=oidc"));

        // Second login: found by the stable subject even if the provider changed the e-mail.
        HttpBrowser again = new HttpBrowser("http://localhost:" + port);
        enqueue("sub-" + agent.userId(), "changed-" + agent.email(), true);
        HttpResponse<String> second = again.follow(again.get("/oauth2/authorization/agents"));
        assertThat(second.body()).contains(commune.name());
    }

    @Test
    void anUnknownIdentityIsRefused() throws Exception {
        enqueue("stranger", "stranger-" + System.nanoTime() + "@elsewhere.example", true);
        HttpResponse<String> refused = browser.follow(browser.get("/oauth2/authorization/agents"));
        assertThat(refused.uri().toString()).contains("/connexion?erreur=sso-inconnu");
        assertThat(refused.body()).contains("Aucun compte Parvis ne correspond à cette identité");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void anUnverifiedEmailDoesNotLinkAnAccount() throws Exception {
        Agent agent = tenants.member(commune, Role.READ_ONLY);
        enqueue("unverified-" + agent.userId(), agent.email(), false);
        HttpResponse<String> refused = browser.follow(browser.get("/oauth2/authorization/agents"));
        assertThat(refused.uri().toString()).contains("erreur=sso-inconnu");
    }

    private static void enqueue(String subject, String email, boolean verified) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("agents", subject, "JWT", List.of("parvis"),
                Map.of("email", email, "email_verified", verified, "name", "Agent OIDC"), 3600));
    }
}

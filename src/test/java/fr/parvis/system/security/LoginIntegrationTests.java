package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.compliance.AuditEntryView;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.test.WebSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Form login: success and audit, failures with French reasons, lockout, unlock, forced password change. */
@IntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    AuditTrail audit;

    @Autowired
    MemberManagement members;

    Tenant commune;
    WebSession browser;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
        browser = new WebSession(mvc);
    }

    @Test
    void loginPageIsFrenchWithSecureHeaders() throws Exception {
        MvcResult page = browser.perform(get("/connexion"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("Connexion à Parvis", "lang=\"fr\"",
                "Adresse électronique", "Mot de passe");
        assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'",
                "frame-ancestors 'none'");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getResponse().getHeader("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void englishOnRequest() throws Exception {
        MvcResult page = browser.perform(get("/connexion").param("lang", "en"));
        assertThat(page.getResponse().getContentAsString()).contains("Log in to Parvis", "lang=\"en\"");
    }

    @Test
    void successfulLoginLandsOnTheDashboardAndIsAudited() throws Exception {
        assertThat(browser.login(commune.admin().email(), TestTenants.PASSWORD)).isEqualTo("/");
        MvcResult dashboard = browser.perform(get("/"));
        assertThat(dashboard.getResponse().getStatus()).isEqualTo(200);
        assertThat(dashboard.getResponse().getContentAsString()).contains("Tableau de bord", commune.name());
        List<AuditEntryView> entries = tenants.as(commune.admin(), () -> audit.search(
                new AuditQuery("account.login", null, null, null, null, 0, 10)).entries());
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actorLabel()).contains(commune.admin().email());
            assertThat(entry.ipAddress()).isEqualTo("127.0.0.1");
            assertThat(entry.channel()).isEqualTo("WEB");
        });
    }

    @Test
    void wrongPasswordGivesAFrenchMessageWithoutSayingWhichPartIsWrong() throws Exception {
        assertThat(browser.login(commune.admin().email(), "not-the-password-1")).isEqualTo("/connexion?erreur=identifiants");
        assertThat(browser.login("nobody-" + System.nanoTime() + "@test.example", "whatever-123456"))
                .isEqualTo("/connexion?erreur=identifiants");
        MvcResult page = browser.perform(get("/connexion").param("erreur", "identifiants"));
        assertThat(page.getResponse().getContentAsString()).contains("Adresse électronique ou mot de passe incorrect.");
        assertThat(browser.perform(get("/")).getResponse().getRedirectedUrl()).endsWith("/connexion");
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        Agent agent = tenants.member(commune, Role.COMMUNITY_MANAGER);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login(agent.email(), "wrong-password-" + i)).endsWith("erreur=identifiants");
        }
        assertThat(browser.login(agent.email(), "wrong-password-5")).endsWith("erreur=verrouille");
        assertThat(browser.login(agent.email(), agent.password())).as("even the right password is refused")
                .endsWith("erreur=verrouille");
        assertThat(browser.perform(get("/connexion").param("erreur", "verrouille")).getResponse().getContentAsString())
                .contains("verrouillé");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tenants.as(commune.admin(),
                () -> audit.search(new AuditQuery("account.locked", agent.userId().value(), null, null, null, 0, 10))
                        .entries())).hasSize(1));

        MemberView locked = tenants.as(commune.admin(), () -> members.list().stream()
                .filter(m -> m.userId().equals(agent.userId())).findFirst().orElseThrow());
        assertThat(locked.locked()).isTrue();
        WebSession admin = new WebSession(mvc);
        admin.login(commune.admin().email(), TestTenants.PASSWORD);
        MvcResult unlock = admin.perform(post("/parametres/utilisateurs/" + locked.id() + "/deverrouillage").with(csrf()));
        assertThat(unlock.getResponse().getRedirectedUrl()).isEqualTo("/parametres/utilisateurs");
        assertThat(browser.login(agent.email(), agent.password())).isEqualTo("/");
    }

    @Test
    void loginWithoutCsrfTokenIsRefusedWithAnExplanation() throws Exception {
        MvcResult result = browser.perform(post("/connexion").param("email", commune.admin().email())
                .param("password", TestTenants.PASSWORD));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.hasSession() && browser.perform(get("/")).getResponse().getStatus() == 200).isFalse();
    }

    @Test
    void aTemporaryPasswordMustBeChangedFirst() throws Exception {
        String email = "temp-" + System.nanoTime() + "@test.example";
        tenants.as(commune.admin(), () -> members.add(new NewMember(email, "Temp Agent", Role.COMMUNITY_MANAGER,
                "Provisoire-2026!")));
        assertThat(browser.login(email, "Provisoire-2026!")).isEqualTo("/");
        assertThat(browser.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo("/compte?changer-mot-de-passe");
        assertThat(browser.perform(get("/parametres/services")).getResponse().getRedirectedUrl())
                .isEqualTo("/compte?changer-mot-de-passe");
        MvcResult changed = browser.perform(post("/compte/mot-de-passe").with(csrf())
                .param("currentPassword", "Provisoire-2026!")
                .param("newPassword", "mon-nouveau-secret-42")
                .param("confirmation", "mon-nouveau-secret-42"));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/compte");
        assertThat(browser.perform(get("/")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        assertThat(browser.perform(post("/deconnexion").with(csrf())).getResponse().getRedirectedUrl())
                .isEqualTo("/connexion?deconnecte");
        assertThat(browser.perform(get("/")).getResponse().getRedirectedUrl()).endsWith("/connexion");
    }
}

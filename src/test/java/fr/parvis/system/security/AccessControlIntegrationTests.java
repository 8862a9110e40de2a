package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.test.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a session may do follows the database on every request: role changes, removals and
 * delegations take effect at once; switching to a collectivité one may not enter answers 404.
 */
@IntegrationTest
class AccessControlIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    MemberManagement members;

    @Autowired
    DelegationManagement delegations;

    @Autowired
    AuditTrail audit;

    Tenant commune;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
    }

    @Test
    void aRoleChangeAppliesToTheOpenSession() throws Exception {
        Agent agent = tenants.member(commune, Role.ADMIN);
        WebSession browser = new WebSession(mvc);
        browser.login(agent.email(), agent.password());
        assertThat(browser.perform(get("/parametres/journal")).getResponse().getStatus()).isEqualTo(200);

        tenants.as(commune.admin(), () -> members.changeRole(membershipOf(agent).id(), Role.READ_ONLY));

        assertThat(browser.perform(get("/parametres/journal")).getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(get("/")).getResponse().getContentAsString()).contains("Lecture seule");
    }

    @Test
    void aRemovedMemberIsLoggedOut() throws Exception {
        Agent agent = tenants.member(commune, Role.COMMUNITY_MANAGER);
        WebSession browser = new WebSession(mvc);
        browser.login(agent.email(), agent.password());
        assertThat(browser.perform(get("/")).getResponse().getStatus()).isEqualTo(200);

        tenants.as(commune.admin(), () -> members.remove(membershipOf(agent).id()));

        assertThat(browser.perform(get("/")).getResponse().getRedirectedUrl()).endsWith("/connexion");
        assertThat(browser.login(agent.email(), agent.password())).isEqualTo("/connexion?erreur=sans-collectivite");
    }

    @Test
    void switchingCollectiviteRequiresAccess() throws Exception {
        Tenant other = tenants.commune();
        Tenant stranger = tenants.commune();
        tenants.join(commune.admin(), other, Role.COMMUNITY_MANAGER);
        WebSession browser = new WebSession(mvc);
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        assertThat(browser.perform(get("/")).getResponse().getContentAsString())
                .contains(commune.name(), other.name(), "switch-collectivite");

        MvcResult refused = browser.perform(post("/collectivite-courante").with(csrf())
                .param("collectivite", stranger.id().toString()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(browser.perform(post("/collectivite-courante").with(csrf()).param("collectivite", "pas-un-id"))
                .getResponse().getStatus()).isEqualTo(404);

        MvcResult switched = browser.perform(post("/collectivite-courante").with(csrf())
                .param("collectivite", other.id().toString()));
        assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo("/");
        String dashboard = browser.perform(get("/")).getResponse().getContentAsString();
        assertThat(dashboard).contains("voici la situation de " + other.name());
        assertThat(browser.perform(get("/parametres/journal")).getResponse().getStatus())
                .as("community manager there, not administrator").isEqualTo(403);
    }

    @Test
    void aDelegationOpensTheCommuneToEpciMembersUntilRevoked() throws Exception {
        Tenant epci = tenants.epci();
        Tenant member = tenants.communeOf(epci);
        Agent epciManager = tenants.member(epci, Role.COMMUNITY_MANAGER);
        Agent epciAgent = tenants.member(epci, Role.SERVICE_AGENT);
        WebSession browser = new WebSession(mvc);
        browser.login(epciManager.email(), epciManager.password());
        assertThat(browser.perform(post("/collectivite-courante").with(csrf()).param("collectivite", member.id().toString()))
                .getResponse().getStatus()).as("no delegation yet").isEqualTo(404);

        DelegationView delegation = tenants.as(member.admin(),
                () -> delegations.grant(new NewDelegation(Role.ADMIN)));

        assertThat(browser.perform(post("/collectivite-courante").with(csrf()).param("collectivite", member.id().toString()))
                .getResponse().getRedirectedUrl()).isEqualTo("/");
        String page = browser.perform(get("/")).getResponse().getContentAsString();
        assertThat(page).contains("voici la situation de " + member.name(), "par délégation de " + epci.name());
        assertThat(page).as("delegated ADMIN is capped by the EPCI role").contains("Community manager");
        assertThat(browser.perform(get("/parametres/utilisateurs")).getResponse().getStatus()).isEqualTo(403);

        WebSession agentBrowser = new WebSession(mvc);
        agentBrowser.login(epciAgent.email(), epciAgent.password());
        assertThat(agentBrowser.perform(post("/collectivite-courante").with(csrf())
                .param("collectivite", member.id().toString())).getResponse().getStatus())
                .as("service agents of the EPCI do not act through delegations").isEqualTo(404);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tenants.as(epci.admin(),
                () -> audit.search(new AuditQuery("delegation.received", null, null, null, null, 0, 10)).entries()))
                .singleElement().satisfies(e -> assertThat(e.objectLabel()).isEqualTo(member.name())));

        tenants.as(member.admin(), () -> delegations.revoke(delegation.id()));

        MvcResult afterRevocation = browser.perform(get("/"));
        assertThat(afterRevocation.getResponse().getContentAsString())
                .as("the session falls back to the EPCI").contains("voici la situation de " + epci.name());
        assertThat(browser.perform(post("/collectivite-courante").with(csrf()).param("collectivite", member.id().toString()))
                .getResponse().getStatus()).isEqualTo(404);
        String trail = tenants.as(member.admin(), () -> audit.search(new AuditQuery(null, null, null, null, null, 0, 50))
                .entries().toString());
        assertThat(trail).contains("delegation.granted", "delegation.revoked");
    }

    private MemberView membershipOf(Agent agent) {
        return tenants.as(commune.admin(), () -> members.list().stream()
                .filter(m -> m.userId().equals(agent.userId())).findFirst().orElseThrow());
    }
}

package fr.parvis.system.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.jobs.ChannelJobs;
import fr.parvis.channels.sandbox.SandboxJobs;
import fr.parvis.channels.sandbox.domain.SandboxAccounts;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.DemoIntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo's Sandbox accounts: three accounts of Ville de Démo with about 90 days of history,
 * visible through the channels API, not duplicated by a second start, and whose audience keeps
 * acting as time goes by.
 */
@DemoIntegrationTest
class DemoSandboxIntegrationTests {

    @Autowired
    DemoSeeder seeder;

    @Autowired
    MockMvc mvc;

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    MemberManagement members;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    SandboxJobs simulation;

    @Autowired
    ChannelJobs channelJobs;

    @Autowired
    SandboxAccounts sandboxAccounts;

    @Autowired
    TestTenants tenants;

    @Autowired
    MutableClock clock;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void threeSandboxAccountsWithNinetyDaysOfHistory() throws Exception {
        CollectiviteId ville = ville();
        Map<String, SocialAccountView> sandbox = sandboxAccounts(ville);
        assertThat(sandbox).containsOnlyKeys("@ville-de-demo", "@demo-jeunesse", "@demo-entreprendre");
        assertThat(sandbox.get("@ville-de-demo").displayName()).isEqualTo("Ville de Démo");
        assertThat(sandbox.get("@demo-jeunesse").community()).isEqualTo("Jeunes de 12 à 25 ans");
        assertThat(sandbox.get("@demo-entreprendre").community()).isEqualTo("Commerçants et entrepreneurs");
        assertThat(sandbox.get("@ville-de-demo").followers()).isGreaterThan(2_400);

        for (SocialAccountView account : sandbox.values()) {
            JsonNode posts = json.readTree(mvc.perform(get("/api/v1/accounts/" + account.id() + "/posts?limit=200")
                    .with(admin(ville))).andReturn().getResponse().getContentAsString());
            assertThat(posts.size()).as("posts of %s", account.handle()).isBetween(60, 200);
            Instant oldest = posts.findValuesAsString("publishedAt").stream().map(Instant::parse).min(Instant::compareTo)
                    .orElseThrow();
            assertThat(oldest).isBefore(clock.instant().minus(Duration.ofDays(85)));
            JsonNode interactions = json.readTree(mvc.perform(get("/api/v1/accounts/" + account.id()
                    + "/interactions?limit=200").with(admin(ville))).andReturn().getResponse().getContentAsString());
            assertThat(interactions.size()).isEqualTo(200);
            assertThat(interactions.findValuesAsString("type")).contains("REACTION", "COMMENT");
            long total = SystemActor.actFor(ville, "test", () -> accounts.health(account.id())).interactions();
            assertThat(total).as("interactions of %s", account.handle()).isGreaterThan(1_000);
        }
    }

    @Test
    void aSecondStartDuplicatesNothing() throws Exception {
        CollectiviteId ville = ville();
        Map<String, Long> before = sandboxAccounts(ville).values().stream().collect(Collectors.toMap(
                SocialAccountView::handle, a -> SystemActor.actFor(ville, "test", () -> accounts.health(a.id())).posts()));
        seeder.run(new DefaultApplicationArguments());
        Map<String, SocialAccountView> after = sandboxAccounts(ville);
        assertThat(after).hasSize(3);
        after.values().forEach(a -> assertThat(SystemActor.actFor(ville, "test", () -> accounts.health(a.id())).posts())
                .isEqualTo(before.get(a.handle())));
    }

    @Test
    void newInteractionsKeepArrivingWhileTheApplicationRuns() {
        CollectiviteId ville = ville();
        SocialAccountView account = sandboxAccounts(ville).get("@ville-de-demo");
        long before = SystemActor.actFor(ville, "test", () -> accounts.health(account.id())).interactions();
        // Other test contexts share this database and may have simulated the audience up to their own
        // (advanced) clocks: start from where the simulation stopped, and give the audience a week.
        Instant simulatedUntil = SystemActor.actFor(ville, "test", () -> sandboxAccounts
                .findByHandle(account.handle().substring(1)).orElseThrow().simulatedUntil());
        clock.advance(Duration.between(clock.instant(), max(clock.instant(), simulatedUntil)).plus(Duration.ofDays(7)));
        simulation.simulateDue();
        channelJobs.syncDue();
        long after = SystemActor.actFor(ville, "test", () -> accounts.health(account.id())).interactions();
        assertThat(after).isGreaterThan(before);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Map<String, SocialAccountView> sandboxAccounts(CollectiviteId ville) {
        return SystemActor.actFor(ville, "test", accounts::list).stream().filter(a -> a.network() == Network.SANDBOX)
                .collect(Collectors.toMap(SocialAccountView::handle, Function.identity()));
    }

    private RequestPostProcessor admin(CollectiviteId ville) {
        List<MemberView> team = SystemActor.actFor(ville, "test", members::list);
        MemberView claire = team.stream().filter(m -> m.email().equals(DemoSeeder.ADMIN_EMAIL)).findFirst().orElseThrow();
        return authentication(tenants.authentication(new TestTenants.Agent(claire.userId(), claire.email(),
                DemoSeeder.DEMO_PASSWORD, Role.ADMIN, ville)));
    }

    private CollectiviteId ville() {
        return SystemActor.actAsRoot("test", () -> collectivites.findBySlugForPlatform(DemoSeeder.VILLE_SLUG))
                .orElseThrow().id();
    }
}

package fr.parvis.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.domain.AccountCredentials;
import fr.parvis.channels.jobs.ChannelJobs;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.RateLimitState;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The channels core against a programmable connector: connection, encrypted credentials,
 * synchronisation with cursors, refresh before expiry, reconnection needed (told once), rate limits,
 * retries of reads only, circuit breaker, pause and disconnection, tenant isolation, secrets never
 * logged.
 */
@IntegrationTest
@Import(SocialAccountsIntegrationTests.Fake.class)
@TestPropertySource(properties = {"parvis.channels.retry-base=5ms", "parvis.channels.circuit-open-for=1s"})
@ExtendWith(OutputCaptureExtension.class)
class SocialAccountsIntegrationTests {

    @TestConfiguration
    static class Fake {

        @Bean
        FakeConnector fakeConnector(Clock clock) {
            return new FakeConnector(clock);
        }

        @Bean
        Notifications reconnectionNotifications() {
            return new Notifications();
        }
    }

    /** Collects the reconnection notifications. */
    static class Notifications {

        final List<SocialAccountNeedsReconnection> received = new ArrayList<>();

        @EventListener
        void on(SocialAccountNeedsReconnection event) {
            received.add(event);
        }
    }

    @Autowired
    TestTenants tenants;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    FakeConnector fake;

    @Autowired
    AccountCalls calls;

    @Autowired
    ChannelJobs jobs;

    @Autowired
    CredentialVault vault;

    @Autowired
    AccountCredentials credentialRows;

    @Autowired
    AuditTrail audit;

    @Autowired
    Notifications notifications;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    Tenant commune;

    @BeforeEach
    void setUp() {
        fake.reset();
        calls.closeCircuit(Network.YOUTUBE);
        notifications.received.clear();
        commune = tenants.commune();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void connectingStoresEncryptedCredentialsAuditsAndReadsTheHistory() {
        fake.networkPost("p1", "Bienvenue sur le compte de la ville");
        fake.networkComment("c1", "p1", "Merci pour les informations !");
        SocialAccountView account = connect("mairie");

        assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
        assertThat(account.community()).isEqualTo("Habitants");
        assertThat(account.followers()).isEqualTo(42L);
        Credentials stored = tenants.as(commune.admin(), () -> vault.load(account.id())).orElseThrow();
        assertThat(stored.accessToken()).startsWith(FakeConnector.SECRET_PREFIX);
        byte[] row = jdbc.queryForObject("select ciphertext from channels_credential where account_id = ?",
                byte[].class, account.id());
        assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain(stored.accessToken())
                .doesNotContain(FakeConnector.SECRET_PREFIX);
        assertThat(tenants.as(commune.admin(), () -> accounts.recentPosts(account.id(), 10)))
                .extracting(ChannelPostView::text).containsExactly("Bienvenue sur le compte de la ville");
        assertThat(tenants.as(commune.admin(), () -> accounts.recentInteractions(account.id(), 10)))
                .extracting(ChannelInteractionView::text).containsExactly("Merci pour les informations !");
        assertThat(tenants.as(commune.admin(), () -> audit.search(new AuditQuery("channels.account.connected", null,
                null, null, null, 0, 10)).entries())).hasSize(1);
    }

    @Test
    void synchronisationResumesFromTheCursorsWithoutDuplicates() {
        SocialAccountView account = connect("suivi");
        fake.networkPost("p1", "Travaux rue Victor-Hugo");
        fake.networkComment("c1", "p1", "Jusqu'à quand ?");
        assertThat(sync(account)).isEqualTo(new SyncReport(1, 1, false, null));
        assertThat(sync(account)).isEqualTo(new SyncReport(0, 0, false, null));
        fake.networkComment("c2", "p1", "Et le stationnement ?");
        assertThat(sync(account).newInteractions()).isEqualTo(1);
        assertThat(tenants.as(commune.admin(), () -> accounts.health(account.id())).interactions()).isEqualTo(2);
    }

    @Test
    void readsAreRetriedOnTransientFailuresWritesAreNot() {
        SocialAccountView account = connect("reprise");
        fake.failAlways("interactions", ConnectorException.unavailable(null), 2);
        assertThat(sync(account).errorKey()).isNull();
        assertThat(fake.calls("interactions")).isEqualTo(3 + 1);

        fake.failNext("publish", ConnectorException.of(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown"));
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> calls.write(account.id(), "publish",
                (connector, context) -> connector.publishing().orElseThrow().publish(context, PostDraft.text("x")))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
        assertThat(fake.calls("publish")).as("a publication is never retried blindly").isEqualTo(1);
        assertThat(tenants.as(commune.admin(), () -> accounts.health(account.id())).recentEvents())
                .extracting(AccountEventView::messageKey).contains("connector.outcomeUnknown");
    }

    @Test
    void aRateLimitStopsCallsUntilTheGivenTime() {
        SocialAccountView account = connect("limite");
        var retryAt = clock.instant().plus(Duration.ofMinutes(7));
        fake.failNext("interactions", ConnectorException.rateLimited(retryAt));
        assertThat(sync(account).errorKey()).isEqualTo("connector.rateLimited");
        SocialAccountView limited = tenants.as(commune.admin(), () -> accounts.get(account.id()));
        assertThat(limited.rateLimitedUntil()).isEqualTo(retryAt);
        int before = fake.calls("timeline");
        assertThat(sync(account).errorKey()).isEqualTo("connector.rateLimited");
        assertThat(fake.calls("timeline")).as("no call while rate limited").isEqualTo(before);
        clock.advance(Duration.ofMinutes(8));
        assertThat(sync(account).errorKey()).isNull();
    }

    @Test
    void aSpentCallBudgetMakesTheAccountWaitForTheResetBeforeAnyRefusal() {
        SocialAccountView account = connect("budget");
        fake.budget(new RateLimitState(300, 1, clock.instant().plus(Duration.ofMinutes(4))));
        assertThat(sync(account).errorKey()).isNull();
        assertThat(tenants.as(commune.admin(), () -> accounts.get(account.id())).rateLimitedUntil())
                .as("calls left: no pause").isNull();

        var reset = clock.instant().plus(Duration.ofMinutes(4));
        fake.budget(new RateLimitState(300, 0, reset));
        sync(account);
        fake.budget(null);
        assertThat(tenants.as(commune.admin(), () -> accounts.get(account.id())).rateLimitedUntil()).isEqualTo(reset);
        assertThat(tenants.as(commune.admin(), () -> accounts.health(account.id())).recentEvents())
                .extracting(AccountEventView::messageKey).contains("account.event.budgetSpent");
        int before = fake.calls("timeline") + fake.calls("interactions");
        assertThat(sync(account).errorKey()).isEqualTo("connector.rateLimited");
        assertThat(fake.calls("timeline") + fake.calls("interactions")).as("no call before the reset").isEqualTo(before);
        clock.advance(Duration.ofMinutes(5));
        assertThat(sync(account).errorKey()).isNull();
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheCallRetried() {
        SocialAccountView account = connect("expire");
        String before = tenants.as(commune.admin(), () -> vault.load(account.id())).orElseThrow().accessToken();
        fake.failNext("interactions", ConnectorException.of(Kind.AUTH_EXPIRED, "connector.authExpired"));
        assertThat(sync(account).errorKey()).isNull();
        assertThat(fake.calls("refresh")).isEqualTo(1);
        assertThat(tenants.as(commune.admin(), () -> vault.load(account.id())).orElseThrow().accessToken())
                .isNotEqualTo(before);
    }

    @Test
    void credentialsAreRenewedBeforeTheyExpireByTheJob() {
        fake.tokenLifetime(Duration.ofMinutes(20));
        SocialAccountView account = connect("renouvelle");
        var before = tenants.as(commune.admin(), () -> accounts.health(account.id())).tokenExpiresAt();
        fake.tokenLifetime(Duration.ofHours(2));
        assertThat(jobs.refreshDue()).isGreaterThanOrEqualTo(1);
        assertThat(fake.calls("refresh")).isEqualTo(1);
        assertThat(tenants.as(commune.admin(), () -> accounts.health(account.id())).tokenExpiresAt())
                .isAfter(before).isAfter(clock.instant().plus(Duration.ofMinutes(90)));
        assertThat(jobs.refreshDue()).as("nothing left to renew for this account").isZero();
    }

    @Test
    void aRefusedRefreshAsksForReconnectionAndTellsTheTeamOnce() {
        fake.tokenLifetime(Duration.ofMinutes(5));
        SocialAccountView account = connect("revoque");
        fake.failAlways("refresh", ConnectorException.of(Kind.AUTH_REVOKED, "connector.authRevoked"), 5);
        jobs.refreshDue();
        jobs.refreshDue();
        assertThat(sync(account).skipped()).isTrue();
        SocialAccountView after = tenants.as(commune.admin(), () -> accounts.get(account.id()));
        assertThat(after.status()).isEqualTo(AccountStatus.RECONNECTION_NEEDED);
        assertThat(notifications.received).filteredOn(n -> n.accountId().equals(account.id())).hasSize(1);
        assertThat(tenants.as(commune.admin(), () -> audit.search(new AuditQuery("channels.account.reconnectionNeeded",
                null, null, null, null, 0, 10)).entries())).hasSize(1);

        fake.reset();
        SocialAccountView reconnected = connect("revoque");
        assertThat(reconnected.id()).as("same network account: reconnection").isEqualTo(account.id());
        assertThat(reconnected.status()).isEqualTo(AccountStatus.CONNECTED);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailures() {
        SocialAccountView account = connect("panne");
        fake.failAlways("interactions", ConnectorException.unavailable(null), 60);
        for (int i = 0; i < 6; i++) {
            sync(account);
        }
        assertThat(calls.circuitState(Network.YOUTUBE)).isEqualTo("OPEN");
        int before = fake.calls("interactions");
        assertThat(sync(account).errorKey()).isEqualTo("connector.circuitOpen");
        assertThat(fake.calls("interactions")).isEqualTo(before);
    }

    @Test
    void pausedAndDisabledAccountsAreNotCalled() {
        SocialAccountView account = connect("pause");
        tenants.as(commune.admin(), () -> accounts.pause(account.id()));
        int before = fake.calls("interactions");
        assertThat(sync(account).skipped()).isTrue();
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> calls.read(account.id(), "x",
                (connector, context) -> connector.describe(context)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("account.paused");
        assertThat(fake.calls("interactions")).isEqualTo(before);
        assertThat(tenants.as(commune.admin(), () -> accounts.resume(account.id())).status())
                .isEqualTo(AccountStatus.CONNECTED);
        SocialAccountView disabled = tenants.as(commune.admin(), () -> accounts.disable(account.id()));
        assertThat(disabled.status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(tenants.as(commune.admin(), () -> vault.load(account.id()))).as("credentials erased").isEmpty();
        assertThat(tenants.as(commune.admin(), () -> accounts.recentInteractions(account.id(), 10))).isNotNull();
    }

    @Test
    void whatACallReadsOfAnAccountIsReusedButChangesOnThisNodeAreSeenAtOnce() {
        SocialAccountView account = connect("reutilise");
        // read once, then reused (parvis.channels.account-cache): a pause must still stop the next call
        tenants.as(commune.admin(), () -> calls.read(account.id(), "x", (connector, context) -> connector.describe(context)));
        tenants.as(commune.admin(), () -> accounts.pause(account.id()));
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> calls.read(account.id(), "x",
                (connector, context) -> connector.describe(context)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("account.paused");
        tenants.as(commune.admin(), () -> accounts.resume(account.id()));
        AccountInfo described = tenants.as(commune.admin(), () -> calls.read(account.id(), "x",
                (connector, context) -> connector.describe(context)));
        assertThat(described.handle()).isNotBlank();
        // what one collectivité's call read is never used for another collectivité's call
        Tenant other = tenants.commune();
        assertThatThrownBy(() -> tenants.as(other.admin(), () -> calls.read(account.id(), "x",
                (connector, context) -> connector.describe(context)))).isInstanceOf(NotFoundException.class);
        tenants.as(commune.admin(), () -> accounts.disable(account.id()));
        assertThatThrownBy(() -> tenants.as(commune.admin(), () -> calls.read(account.id(), "x",
                (connector, context) -> connector.describe(context)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("account.disabled");
    }

    @Test
    void accountsOfAnotherCollectiviteAreNotFoundAndRolesAreChecked() {
        SocialAccountView account = connect("isole");
        Tenant other = tenants.commune();
        assertThatThrownBy(() -> tenants.as(other.admin(), () -> accounts.get(account.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tenants.as(other.admin(), () -> accounts.pause(account.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(tenants.as(other.admin(), accounts::list)).isEmpty();
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        assertThatThrownBy(() -> tenants.as(manager, () -> accounts.pause(account.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tenants.as(manager, accounts::list)).hasSize(1);
    }

    @Test
    void secretsNeverReachTheLogs(CapturedOutput output) {
        SocialAccountView account = connect("discret");
        fake.failNext("interactions", ConnectorException.of(Kind.AUTH_EXPIRED, "connector.authExpired"));
        sync(account);
        fake.failAlways("refresh", ConnectorException.of(Kind.AUTH_REVOKED, "connector.authRevoked"), 3);
        clock.advance(Duration.ofHours(3));
        jobs.refreshDue();
        String secret = tenants.as(commune.admin(), () -> vault.load(account.id())).map(Credentials::accessToken)
                .orElse(FakeConnector.SECRET_PREFIX);
        assertThat(output.getAll()).doesNotContain(FakeConnector.SECRET_PREFIX).doesNotContain(secret);
        assertThat(String.valueOf(tenants.as(commune.admin(), () -> vault.load(account.id())).orElseThrow()))
                .doesNotContain(secret);
    }

    @Test
    void theAccountPagesShowHealthLimitsAndHistory() throws Exception {
        fake.networkPost("p1", "Concert au parc samedi");
        fake.networkComment("c1", "p1", "Super idée !");
        SocialAccountView account = connect("pages");
        String list = mvc.perform(get("/parametres/comptes").with(authentication(tenants.authentication(commune.admin()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Comptes sociaux", account.handle(), "Habitants", "connecté");
        String page = mvc.perform(get("/parametres/comptes/" + account.id())
                .with(authentication(tenants.authentication(commune.admin())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("État du compte", "renouvelés automatiquement", "500 caractères au plus",
                "Concert au parc samedi", "Super idée", "Compte connecté.", "répond normalement");

        var paused = mvc.perform(post("/parametres/comptes/" + account.id() + "/pause")
                .with(authentication(tenants.authentication(commune.admin()))).with(csrf())).andReturn();
        assertThat(paused.getResponse().getRedirectedUrl()).isEqualTo("/parametres/comptes/" + account.id());
        assertThat(tenants.as(commune.admin(), () -> accounts.get(account.id())).status())
                .isEqualTo(AccountStatus.PAUSED);
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        assertThat(mvc.perform(post("/parametres/comptes/" + account.id() + "/reprise")
                .with(authentication(tenants.authentication(reader))).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/parametres/comptes/" + account.id())
                .with(authentication(tenants.authentication(reader)))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Mettre en pause").doesNotContain("Reprendre</button>");
    }

    @Test
    void theApiListsDescribesAndChangesAccounts() throws Exception {
        SocialAccountView account = connect("api");
        var auth = authentication(tenants.authentication(commune.admin()));
        String list = mvc.perform(get("/api/v1/accounts").with(auth)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(account.id().toString(), "\"network\":\"YOUTUBE\"", "\"status\":\"CONNECTED\"");
        String health = mvc.perform(get("/api/v1/accounts/" + account.id()).with(auth)).andReturn().getResponse()
                .getContentAsString();
        assertThat(health).contains("\"maxTextLength\":500", "\"refreshable\":true", "\"circuitState\":\"CLOSED\"")
                .doesNotContain(FakeConnector.SECRET_PREFIX);
        var patched = mvc.perform(patch("/api/v1/accounts/" + account.id()).with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"community\":\"Jeunesse\",\"status\":\"PAUSED\"}"))
                .andReturn();
        assertThat(patched.getResponse().getStatus()).isEqualTo(200);
        assertThat(patched.getResponse().getContentAsString()).contains("\"community\":\"Jeunesse\"",
                "\"status\":\"PAUSED\"");
        var refused = mvc.perform(patch("/api/v1/accounts/" + account.id()).with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RECONNECTION_NEEDED\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("ne se choisit pas");
        var tooLong = mvc.perform(patch("/api/v1/accounts/" + account.id()).with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"community\":\"" + "x".repeat(121) + "\"}"))
                .andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
    }

    private SocialAccountView connect(String handle) {
        return tenants.as(commune.admin(), () -> accounts.connectOneClick(Network.YOUTUBE, handle + "-" + commune.id()
                .toString().substring(0, 8), "Ville " + handle, "Habitants"));
    }

    private SyncReport sync(SocialAccountView account) {
        return tenants.as(commune.admin(), () -> accounts.syncNow(account.id()));
    }
}

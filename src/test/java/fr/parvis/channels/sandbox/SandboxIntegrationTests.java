package fr.parvis.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.ChannelInteractionView;
import fr.parvis.channels.ChannelSync;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Sandbox end to end: the one-click connection through the API, the audience API (201, its
 * French 400s, 404 for another collectivité, 403 without the permission), and the simulated
 * audience reaching Parvis through the sync as the clock moves.
 */
@IntegrationTest
class SandboxIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Autowired
    TestTenants tenants;

    @Autowired
    SandboxConnector connector;

    @Autowired
    SandboxJobs jobs;

    @Autowired
    ChannelSync sync;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    SocialAccounts socialAccounts;

    @Autowired
    CredentialVault vault;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    final ObjectMapper json = new ObjectMapper();

    Tenant commune;
    UUID accountId;

    @BeforeEach
    void connect() throws Exception {
        commune = tenants.commune();
        MvcResult created = mvc.perform(post("/api/v1/accounts/sandbox").with(admin()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"handle\":\"quartier-nord\",\"displayName\":\"Quartier Nord\",\"community\":\"Habitants du nord\"}"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode account = json.readTree(created.getResponse().getContentAsString());
        assertThat(account.get("network").asString()).isEqualTo("SANDBOX");
        assertThat(account.get("handle").asString()).isEqualTo("@quartier-nord");
        assertThat(account.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(account.get("followers").asLong()).isPositive();
        accountId = UUID.fromString(account.get("id").asString());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAccountPageNamesTheSandbox() throws Exception {
        String page = mvc.perform(get("/parametres/comptes/" + accountId).with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Sandbox", "@quartier-nord");
        String health = mvc.perform(get("/api/v1/accounts/" + accountId).with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(health).contains("\"maxTextLength\":2000");
    }

    @Test
    void synchronisingFromTheAccountPageSaysWhatWasReadInWords() throws Exception {
        MvcResult sync = mvc.perform(post("/parametres/comptes/" + accountId + "/synchronisation").with(admin())
                .with(csrf())).andReturn();
        assertThat(sync.getResponse().getRedirectedUrl()).isEqualTo("/parametres/comptes/" + accountId);
        assertThat(sync.getFlashMap().get("flash")).isEqualTo("account.sync.done");
        Object[] counts = (Object[]) sync.getFlashMap().get("flashArgs");
        assertThat(messages.getMessage("account.sync.done", counts, Locale.FRENCH)).matches(
                "Nouveautés : (aucune publication|1 publication|[\\d\\s\\u202f\\u00a0]+ publications) et "
                + "(aucune interaction|1 interaction|[\\d\\s\\u202f\\u00a0]+ interactions)\\.");
        assertThat(messages.getMessage("account.sync.done", new Object[] {0, 1}, Locale.FRENCH))
                .isEqualTo("Nouveautés : aucune publication et 1 interaction.");
        assertThat(messages.getMessage("account.sync.done", new Object[] {2, 1234}, Locale.ENGLISH))
                .isEqualTo("New: 2 publications and 1,234 interactions.");
        String page = mvc.perform(get("/parametres/comptes/" + accountId).with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("<dd>(aucune publication|1 publication|[\\d\\s\\u202f\\u00a0]+ publications), "
                + "(aucune interaction|1 interaction|[\\d\\s\\u202f\\u00a0]+ interactions)</dd>");
        assertThat(page).doesNotContain("(s)");
    }

    @Test
    void theOneClickFormCreatesTheAccountOrExplainsTheHandle() throws Exception {
        MvcResult created = mvc.perform(post("/parametres/comptes/sandbox").with(admin()).with(csrf())
                .param("handle", "Démo-Form").param("displayName", "Formulaire").param("community", "Tous"))
                .andReturn();
        assertThat(created.getResponse().getContentAsString()).contains("n&#39;est pas valable sur la Sandbox");
        MvcResult valid = mvc.perform(post("/parametres/comptes/sandbox").with(admin()).with(csrf())
                .param("handle", "@demo-form").param("displayName", "Formulaire").param("community", "Tous"))
                .andReturn();
        assertThat(valid.getResponse().getRedirectedUrl()).startsWith("/parametres/comptes/");
        assertThat(tenants.as(commune.admin(), accounts::list)).extracting(a -> a.handle())
                .contains("@demo-form", "@quartier-nord");
    }

    @Test
    void anAudienceCommentReachesParvisAtTheNextSync() throws Exception {
        PublishedPost post = publish("Que pensez-vous du nouveau marché ?");
        MvcResult created = audience("{\"type\":\"COMMENT\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"@Camille.Martin\",\"authorName\":\"Camille Martin\","
                + "\"text\":\"Le lampadaire de la rue des Lilas est en panne depuis 3 jours <b>!</b>\"}", accountId);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        assertThat(body.get("type").asString()).isEqualTo("COMMENT");
        assertThat(body.get("postExternalId").asString()).isEqualTo(post.externalId());
        assertThat(body.get("authorHandle").asString()).isEqualTo("@camille.martin");
        String commentId = body.get("externalId").asString();

        assertThat(audience("{\"type\":\"reply\",\"postExternalId\":\"" + post.externalId() + "\",\"parentExternalId\":\""
                + commentId + "\",\"authorHandle\":\"lea.blanc\",\"text\":\"Pareil chez nous.\"}", accountId)
                .getResponse().getStatus()).isEqualTo(201);
        assertThat(audience("{\"type\":\"DIRECT_MESSAGE\",\"authorHandle\":\"lea.blanc\",\"text\":\"Bonjour\"}",
                accountId).getResponse().getStatus()).isEqualTo(201);
        assertThat(audience("{\"type\":\"SHARE\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"lea.blanc\"}", accountId).getResponse().getStatus()).isEqualTo(201);

        assertThat(mvc.perform(post("/api/v1/accounts/" + accountId + "/sync").with(admin()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        JsonNode interactions = json.readTree(mvc.perform(get("/api/v1/accounts/" + accountId + "/interactions")
                .with(admin())).andReturn().getResponse().getContentAsString());
        assertThat(interactions.findValuesAsString("text"))
                .contains("Le lampadaire de la rue des Lilas est en panne depuis 3 jours <b>!</b>", "Pareil chez nous.",
                        "Bonjour");
        assertThat(interactions.findValuesAsString("type")).contains("COMMENT", "REPLY", "DIRECT_MESSAGE", "SHARE");
        JsonNode posts = json.readTree(mvc.perform(get("/api/v1/accounts/" + accountId + "/posts").with(admin()))
                .andReturn().getResponse().getContentAsString());
        assertThat(posts.findValuesAsString("externalId")).contains(post.externalId());
    }

    @Test
    void badInputGetsAClearFrenchProblem() throws Exception {
        PublishedPost post = publish("Collecte des encombrants jeudi");
        expectProblem("{\"type\":\"LIKE\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"testeur.refuse\"}", "Type d'interaction inconnu", "REACTION");
        expectProblem("{\"type\":\"COMMENT\",\"authorHandle\":\"testeur.refuse\",\"text\":\"Bonjour\"}",
                "indiquez son identifiant Sandbox (postExternalId)");
        expectProblem("{\"type\":\"COMMENT\",\"postExternalId\":\"p999\",\"authorHandle\":\"testeur.refuse\","
                + "\"text\":\"Bonjour\"}", "n'existe pas (ou plus)");
        expectProblem("{\"type\":\"COMMENT\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"testeur.refuse\",\"text\":\"" + "é".repeat(2001) + "\"}", "Le texte dépasse 2", "000 caractères");
        expectProblem("{\"type\":\"REACTION\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"testeur.refuse\",\"text\":\"J'aime\"}", "n'a pas de texte");
        expectProblem("{\"type\":\"MENTION\",\"authorHandle\":\"Léa Blanc !\",\"text\":\"@quartier-nord\"}",
                "n'est pas un identifiant valable");
        expectProblem("{\"type\":\"REPLY\",\"postExternalId\":\"" + post.externalId()
                + "\",\"authorHandle\":\"testeur.refuse\",\"text\":\"Oui\"}", "parentExternalId");
        // nothing was stored by the refused requests (the simulated audience may have acted meanwhile)
        tenants.as(commune.admin(), () -> sync.sync(accountId));
        assertThat(interactions()).extracting(ChannelInteractionView::authorHandle).doesNotContain("@testeur.refuse");

        UUID other = tenants.as(commune.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                socialAccounts.save(new SocialAccount(Network.MASTODON, "m-" + UUID.randomUUID(), "@ville@mastodon.example",
                        null)).id()));
        MvcResult notSandbox = audience("{\"type\":\"DIRECT_MESSAGE\",\"authorHandle\":\"testeur.refuse\",\"text\":\"Bonjour\"}",
                other);
        assertThat(notSandbox.getResponse().getStatus()).isEqualTo(400);
        assertThat(notSandbox.getResponse().getContentAsString()).contains("n'est pas un compte Sandbox");
    }

    @Test
    void anotherCollectiviteGetsA404AndAReaderA403() throws Exception {
        Tenant other = tenants.commune();
        MvcResult foreign = mvc.perform(post("/api/v1/sandbox/accounts/" + accountId + "/interactions")
                .with(authentication(tenants.authentication(other.admin()))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"DIRECT_MESSAGE\",\"authorHandle\":\"testeur.refuse\",\"text\":\"Bonjour\"}")).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        MvcResult refused = mvc.perform(post("/api/v1/sandbox/accounts/" + accountId + "/interactions")
                .with(authentication(tenants.authentication(reader))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"DIRECT_MESSAGE\",\"authorHandle\":\"testeur.refuse\",\"text\":\"Bonjour\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        tenants.as(commune.admin(), () -> sync.sync(accountId));
        assertThat(interactions()).extracting(ChannelInteractionView::authorHandle).doesNotContain("@testeur.refuse");
    }

    @Test
    void theSimulatedAudienceReachesParvisAsTimeGoesBy() {
        PublishedPost post = publish("🎉 Fête de la musique samedi place du Marché !");
        jobs.simulateDue();
        tenants.as(commune.admin(), () -> sync.sync(accountId));
        int before = interactions().size();

        clock.advance(Duration.ofHours(3));
        // the scheduled task may run the simulation as well (db-scheduler is on): results are checked, not counts
        jobs.simulateDue();
        tenants.as(commune.admin(), () -> sync.sync(accountId));
        List<ChannelInteractionView> afterThreeHours = interactions();
        assertThat(afterThreeHours.size()).isGreaterThan(before);
        assertThat(afterThreeHours).filteredOn(i -> post.externalId().equals(i.postExternalId())).isNotEmpty();

        clock.advance(Duration.ofDays(3));
        jobs.simulateDue();
        tenants.as(commune.admin(), () -> sync.sync(accountId));
        List<ChannelInteractionView> afterThreeDays = interactions();
        assertThat(afterThreeDays.size()).isGreaterThan(afterThreeHours.size());
        Set<InteractionType> types = afterThreeDays.stream().map(ChannelInteractionView::type)
                .collect(Collectors.toSet());
        assertThat(types).contains(InteractionType.REACTION, InteractionType.COMMENT);
        // the post kept receiving after the first hours (the decay curve itself: SandboxSimulationTests)
        long onPost = afterThreeDays.stream().filter(i -> post.externalId().equals(i.postExternalId())).count();
        long early = afterThreeHours.stream().filter(i -> post.externalId().equals(i.postExternalId())).count();
        assertThat(onPost).isGreaterThan(early);
        // every event of the audience is stored and read once, whoever ran the simulation
        assertThat(afterThreeDays).extracting(ChannelInteractionView::externalId).doesNotHaveDuplicates();
    }

    private List<ChannelInteractionView> interactions() {
        return tenants.as(commune.admin(), () -> accounts.recentInteractions(accountId, 200));
    }

    private PublishedPost publish(String text) {
        return tenants.as(commune.admin(), () -> {
            SocialAccount account = new TransactionTemplate(transactionManager).execute(status ->
                    socialAccounts.findById(accountId).orElseThrow());
            AccountContext context = new AccountContext(accountId, account.externalId(), account.handle(), null,
                    vault.load(accountId).orElseThrow());
            return connector.publish(context, PostDraft.text(text));
        });
    }

    private void expectProblem(String body, String... fragments) throws Exception {
        MvcResult result = audience(body, accountId);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).contains("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains(fragments);
    }

    private MvcResult audience(String body, UUID account) throws Exception {
        return mvc.perform(post("/api/v1/sandbox/accounts/" + account + "/interactions").with(admin()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return authentication(tenants.authentication(commune.admin()));
    }
}

package fr.parvis.publishing.web;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.publishing.CircuitSettingsView;
import fr.parvis.publishing.NotificationManagement;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.PublishingSettingsManagement;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The publishing pages end to end with MockMvc: the composer (save, live preview with the network's
 * counts, errors without losing what was typed), the post page decisions, the "à valider" page,
 * notifications and the circuit settings.
 */
@IntegrationTest
class PublishingWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingSettingsManagement settings;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    ChannelPublishing channels;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theComposerSavesADraftAndShowsItsPage() throws Exception {
        Team team = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofDays(3));
        var local = at.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime();
        MockHttpServletResponse response = send(team.manager(), post("/publier/nouveau")
                .param("body", "Le marché de Noël ouvre samedi place de la mairie.")
                .param("title", "Marché de Noël")
                .param("link", "https://www.ville.example/noel")
                .param("utmCampaign", "noel")
                .param("scheduledDate", local.toLocalDate().toString())
                .param("scheduledTime", local.toLocalTime().withSecond(0).withNano(0).toString())
                .param("accounts", team.sandbox().toString())
                .param("variants[" + team.sandbox() + "].text", "")
                .param("action", "draft"));
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/publier/publications/");
        PostView saved = tenants.as(team.manager(), () -> publishing.get(java.util.UUID.fromString(
                location.substring("/publier/publications/".length()))));
        assertThat(saved.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(saved.title()).isEqualTo("Marché de Noël");
        assertThat(saved.scheduledAt()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        assertThat(saved.variants()).singleElement().satisfies(v -> assertThat(v.text())
                .contains("utm_source=sandbox").contains("utm_campaign=noel"));

        String page = html(send(team.manager(), get(location)));
        assertThat(page).contains("Marché de Noël").contains("Brouillon").contains("utm_campaign=noel")
                .contains("Soumettre à validation");

        String edit = html(send(team.manager(), get(location + "/modifier")));
        assertThat(edit).contains("Le marché de Noël ouvre samedi").contains("checked");
    }

    @Test
    void thePreviewCountsAsTheNetworkAndShowsBlockingErrors() throws Exception {
        Team team = fixtures.team();
        int max = tenants.as(team.manager(), () -> channels.target(team.sandbox()).profile().maxTextLength());
        String text = "a".repeat(max + 100);
        MockHttpServletResponse response = send(team.manager(), post("/publier/apercu")
                .param("body", text).param("accounts", team.sandbox().toString()));
        assertThat(response.getStatus()).isEqualTo(200);
        String fragment = html(response);
        assertThat(fragment).doesNotContain("<html").containsPattern((max + 100) / 1000 + "[\\s\\u202f\\u00a0]?" + String.format("%03d", (max + 100) % 1000)
                        + " / " + max / 1000 + "[\\s\\u202f\\u00a0]?" + String.format("%03d", max % 1000) + " caractères")
                .contains("100 caractère(s) de trop").contains("role=\"alert\"").contains("Erreur bloquante");
        long before = countPosts(team.manager());

        // Submitting it: refused with the reason, what was typed is still there, the draft is kept.
        MockHttpServletResponse submit = send(team.manager(), post("/publier/nouveau")
                .param("body", text).param("title", "Trop long").param("accounts", team.sandbox().toString())
                .param("action", "submit"));
        assertThat(submit.getStatus()).isEqualTo(400);
        String page = html(submit);
        assertThat(page).contains("Le formulaire contient des erreurs").contains("erreur(s) bloquante(s)")
                .contains(text).contains("Trop long").contains("brouillon est enregistré");
        assertThat(countPosts(team.manager())).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsSaved() throws Exception {
        Team team = fixtures.team();
        long before = countPosts(team.manager());
        MockHttpServletResponse response = send(team.manager(), post("/publier/nouveau")
                .param("body", "Conseil municipal jeudi 18 h.").param("link", "pas un lien")
                .param("accounts", team.sandbox().toString()).param("action", "draft"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(html(response)).contains("Le lien doit être une adresse web complète")
                .contains("Conseil municipal jeudi 18 h.").contains("href=\"#composer-link\"");

        response = send(team.manager(), post("/publier/nouveau")
                .param("body", "Conseil municipal jeudi 18 h.").param("scheduledDate", "2020-01-01")
                .param("scheduledTime", "10:00").param("accounts", team.sandbox().toString()).param("action", "draft"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(html(response)).contains("déjà passée");

        response = send(team.manager(), post("/publier/nouveau")
                .param("body", "Conseil municipal jeudi 18 h.").param("scheduledDate", "2099-13-45")
                .param("accounts", team.sandbox().toString()).param("action", "draft"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(html(response)).contains("Indiquez aussi l’heure");

        response = send(team.manager(), post("/publier/nouveau").param("body", "Sans compte").param("action", "draft"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(countPosts(team.manager())).isEqualTo(before);
    }

    @Test
    void theEluSeesWhatWaitsForThemAndDecides() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        PostView submitted = submitted(team, "La piscine rouvre lundi après travaux.");
        PostView elsewhere = submitted(other, "Une autre commune annonce sa fête.");

        String page = html(send(team.elu(), get("/publier/a-valider")));
        assertThat(page).contains("La piscine rouvre lundi après travaux.").contains("Valider")
                .contains("Demander des modifications").doesNotContain("Une autre commune");
        assertThat(html(send(team.manager(), get("/publier/a-valider")))).doesNotContain("La piscine rouvre");

        // Request changes without a reason: 400, in French, nothing changes.
        MockHttpServletResponse refused = send(team.elu(), post("/publier/publications/" + submitted.id()
                + "/modifications").param("comment", "  ").param("retour", "a-valider"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("Indiquez ce qu’il faut modifier");
        refused = send(team.elu(), post("/publier/publications/" + submitted.id() + "/modifications"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("Indiquez ce qu’il faut modifier").contains("aria-invalid=\"true\"");
        assertThat(status(team, submitted)).isEqualTo(PostStatus.SUBMITTED);

        MockHttpServletResponse changes = send(team.elu(), post("/publier/publications/" + submitted.id()
                + "/modifications").param("comment", "Précisez les horaires.").param("retour", "a-valider"));
        assertThat(changes.getStatus()).isEqualTo(302);
        assertThat(changes.getRedirectedUrl()).isEqualTo("/publier/a-valider");
        assertThat(status(team, submitted)).isEqualTo(PostStatus.CHANGES_REQUESTED);
        assertThat(html(send(team.manager(), get("/publier/publications/" + submitted.id()))))
                .contains("Précisez les horaires.").contains("a demandé des modifications");

        // The other collectivité's élu approves their own post from its page.
        assertThat(html(send(other.elu(), get("/publier/publications/" + elsewhere.id())))).contains("Votre décision");
        MockHttpServletResponse approved = send(other.elu(), post("/publier/publications/" + elsewhere.id()
                + "/validation").param("comment", ""));
        assertThat(approved.getStatus()).isEqualTo(302);
        assertThat(status(other, elsewhere)).isEqualTo(PostStatus.SCHEDULED);
        assertThat(send(team.elu(), get("/publier/publications/" + elsewhere.id())).getStatus()).isEqualTo(404);
    }

    @Test
    void theBellCountsUnreadNotifications() throws Exception {
        Team team = fixtures.team();
        submitted(team, "Collecte des encombrants mardi.");
        String dashboard = html(send(team.elu(), get("/publier/publications")));
        assertThat(dashboard).contains("href=\"/notifications\"").contains("1 non lue(s)");
        assertThat(html(send(team.elu(), get("/notifications")))).contains("Publication à valider")
                .contains("Collecte des encombrants mardi.").contains("Non lue");
        assertThat(send(team.elu(), post("/notifications/lues")).getStatus()).isEqualTo(302);
        assertThat(html(send(team.elu(), get("/publier/publications")))).doesNotContain("non lue(s)");
        assertThat(tenants.as(team.elu(), notifications::unreadCount)).isZero();
    }

    @Test
    void circuitSettingsAreValidated() throws Exception {
        Team team = fixtures.team();
        assertThat(send(team.director(), post("/parametres/publication").param("approvalLevels", "3")
                .param("level1Roles", "ADMIN")).getStatus()).isEqualTo(400);
        MockHttpServletResponse missing = send(team.director(), post("/parametres/publication")
                .param("approvalLevels", "2").param("level1Roles", "COMMUNICATION_DIRECTOR"));
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(html(missing)).contains("Choisissez au moins un rôle qui valide au niveau 2");
        MockHttpServletResponse manager = send(team.director(), post("/parametres/publication")
                .param("approvalLevels", "1").param("level1Roles", "COMMUNITY_MANAGER"));
        assertThat(manager.getStatus()).isEqualTo(400);
        assertThat(html(manager)).contains("Seuls un administrateur");
        assertThat(send(team.manager(), post("/parametres/publication").param("approvalLevels", "0"))
                .getStatus()).isEqualTo(403);

        MockHttpServletResponse saved = send(team.director(), post("/parametres/publication")
                .param("approvalLevels", "2").param("level1Roles", "COMMUNICATION_DIRECTOR")
                .param("level2Roles", "ELECTED_OFFICIAL").param("notifyByEmail", "true"));
        assertThat(saved.getStatus()).isEqualTo(302);
        CircuitSettingsView circuit = tenants.as(team.director(), settings::settings);
        assertThat(circuit.approvalLevels()).isEqualTo(2);
        assertThat(circuit.level1Roles()).containsExactly(Role.COMMUNICATION_DIRECTOR);
        assertThat(circuit.level2Roles()).containsExactly(Role.ELECTED_OFFICIAL);

        // An account asking for 2 levels keeps level 2's roles required.
        assertThat(send(team.director(), post("/parametres/publication/comptes/" + team.sandbox())
                .param("approvalLevels", "2")).getStatus()).isEqualTo(302);
        assertThat(tenants.as(team.director(), settings::accountSettings))
                .filteredOn(a -> a.accountId().equals(team.sandbox())).singleElement()
                .satisfies(a -> assertThat(a.approvalLevels()).isEqualTo(2));
        MockHttpServletResponse dropped = send(team.director(), post("/parametres/publication")
                .param("approvalLevels", "1").param("level1Roles", "ADMIN"));
        assertThat(dropped.getStatus()).isEqualTo(400);
        assertThat(html(send(team.director(), get("/parametres/publication")))).contains("Circuit de validation")
                .contains("Deux niveaux");
    }

    @Test
    void thePagesRenderForEachRole() throws Exception {
        Team team = fixtures.team();
        submitted(team, "Le forum des associations a lieu samedi.");
        for (Agent agent : new Agent[] {team.admin(), team.manager(), team.director(), team.elu()}) {
            assertThat(send(agent, get("/publier/publications")).getStatus()).isEqualTo(200);
            assertThat(send(agent, get("/publier/publications?statut=validation")).getStatus()).isEqualTo(200);
            assertThat(send(agent, get("/notifications")).getStatus()).isEqualTo(200);
            assertThat(send(agent, get("/parametres/publication")).getStatus()).isEqualTo(200);
        }
        assertThat(send(team.elu(), get("/publier/nouveau")).getStatus()).isEqualTo(403);
        String composer = html(send(team.manager(), get("/publier/nouveau")));
        assertThat(composer).contains("Soumettre à validation").contains("Enregistrer le brouillon")
                .contains("hx-post=\"/publier/apercu\"").contains("/js/composer.js");
        String english = html(send(team.elu(), get("/publier/a-valider").param("lang", "en")));
        assertThat(english).contains("To approve").contains("Request changes").contains("Le forum des associations");
        assertThat(html(send(team.manager(), get("/publier/nouveau").param("lang", "en"))))
                .contains("Submit for approval").contains("Save the draft").contains("Accounts to publish to");
    }

    private PostView submitted(Team team, String body) {
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(body,
                clock.instant().plus(Duration.ofDays(2)), team.sandbox())));
        return tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
    }

    private PostStatus status(Team team, PostView post) {
        return tenants.as(team.manager(), () -> publishing.get(post.id()).status());
    }

    private long countPosts(Agent agent) {
        return tenants.as(agent, () -> publishing.list(PostFilter.all(), 0, 200).size());
    }

    private MockHttpServletResponse send(Agent agent, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(tenants.authentication(agent))).with(csrf())).andReturn()
                .getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}

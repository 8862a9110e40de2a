package fr.parvis.publishing.crisis;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.compliance.AuditEntryView;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PostHistoryView;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Crisis mode on the Sandbox: scheduled posts are paused and not published when their time comes,
 * the banner shows everywhere, an EPCI pauses its member communes, alerts go out at once with an
 * audited bypass, leaving the crisis resumes, reschedules or cancels; permissions and isolation.
 */
@IntegrationTest
class CrisisIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    CrisisManagement crisis;

    @Autowired
    DelegationManagement delegations;

    @Autowired
    AuditTrail audit;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A post of the manager, approved by the élu, scheduled at {@code at}. */
    private PostView scheduled(Team team, String text, Instant at) {
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(text, at, team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
        return tenants.as(team.elu(), () -> publishing.approve(draft.id(), null));
    }

    private PostView scheduledByAdmin(Agent admin, UUID account, String text, Instant at) {
        PostView draft = tenants.as(admin, () -> publishing.create(post(text, at, account)));
        tenants.as(admin, () -> publishing.submit(draft.id(), Set.of()));
        return tenants.as(admin, () -> publishing.approve(draft.id(), null));
    }

    @Test
    void scheduledPostsArePausedAndNotPublishedWhileTheBannerShows() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofHours(1));
        PostView scheduled = scheduled(team, "Marché de Noël samedi sur la place de la mairie.", at);
        PostView othersPost = scheduled(other, "Collecte des sapins le 8 janvier.", at);
        assertThat(scheduled.status()).isEqualTo(PostStatus.SCHEDULED);

        CrisisStarted started = tenants.as(team.director(), () -> crisis.start("Inondation du centre-ville", false));
        assertThat(started.paused()).isEqualTo(1);
        PostView paused = tenants.as(team.manager(), () -> publishing.get(scheduled.id()));
        assertThat(paused.status()).isEqualTo(PostStatus.PAUSED);
        assertThat(paused.pausedByCrisis()).isTrue();
        assertThat(paused.variants()).extracting(v -> v.state()).containsOnly(VariantState.PAUSED);

        clock.advance(Duration.ofHours(2));
        jobs.dispatch();
        jobs.dispatch();
        PostView after = tenants.as(team.manager(), () -> publishing.get(scheduled.id()));
        assertThat(after.status()).isEqualTo(PostStatus.PAUSED);
        assertThat(after.variants()).allSatisfy(v -> assertThat(v.externalId()).isNull());
        // The other collectivité is not in crisis: its post went out.
        assertThat(tenants.as(other.manager(), () -> publishing.get(othersPost.id())).status())
                .isEqualTo(PostStatus.PUBLISHED);

        String page = mvc.perform(get("/").with(authentication(tenants.authentication(team.manager()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Mode crise actif depuis").contains("publications suspendues : 1");
        String othersPage = mvc.perform(get("/").with(authentication(tenants.authentication(other.manager()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(othersPage).doesNotContain("Mode crise actif");
        assertThat(tenants.as(other.admin(), () -> crisis.status()).isActive()).isFalse();

        // Scheduling during the crisis is refused; an approval with a time is held with the others.
        Instant later = clock.instant().plus(Duration.ofHours(3));
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post("Vœux du maire", later,
                team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
        PostView approved = tenants.as(team.elu(), () -> publishing.approve(draft.id(), null));
        assertThat(approved.status()).isEqualTo(PostStatus.PAUSED);
        assertThat(approved.pausedByCrisis()).isTrue();
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.schedule(scheduled.id(), later)))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "crisis.schedule.refused");
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.start("Encore", false)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.resumeAll(null)))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("messageKey", "crisis.stillActive");

        List<AuditEntryView> entries = tenants.as(team.admin(), () -> audit.search(AuditQuery.firstPage()).entries());
        assertThat(entries).extracting(AuditEntryView::action).contains("crisis.started");
    }

    @Test
    void leavingTheCrisisResumesReschedulesOrCancels() {
        Team team = fixtures.team();
        Instant soon = clock.instant().plus(Duration.ofMinutes(30));
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        PostView past = scheduled(team, "Concert de la chorale ce soir à l'église.", soon);
        PostView future = scheduled(team, "Conseil municipal demain à 19 h.", tomorrow);
        PostView toCancel = scheduled(team, "Brocante dimanche.", tomorrow);
        PostView toMove = scheduled(team, "Permanence des élus samedi.", tomorrow);
        tenants.as(team.director(), () -> crisis.start("Tempête", false));
        assertThat(tenants.as(team.director(), () -> crisis.pausedPosts())).hasSize(4);

        clock.advance(Duration.ofHours(1));
        CrisisView ended = tenants.as(team.director(), () -> crisis.end());
        assertThat(ended.active()).isFalse();
        assertThat(tenants.as(team.manager(), () -> publishing.get(past.id())).status()).isEqualTo(PostStatus.PAUSED);

        assertThatThrownBy(() -> tenants.as(team.manager(), () -> crisis.cancel(toCancel.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tenants.as(team.director(), () -> crisis.cancel(toCancel.id())).status())
                .isEqualTo(PostStatus.CANCELLED);
        Instant moved = clock.instant().plus(Duration.ofDays(2));
        PostView rescheduled = tenants.as(team.director(), () -> crisis.reschedule(toMove.id(), moved));
        assertThat(rescheduled.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(rescheduled.scheduledAt()).isEqualTo(moved);
        assertThat(rescheduled.pausedByCrisis()).isFalse();

        int resumed = tenants.as(team.director(), () -> crisis.resumeAll(null));
        assertThat(resumed).isEqualTo(2);
        PostView futureAfter = tenants.as(team.manager(), () -> publishing.get(future.id()));
        assertThat(futureAfter.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(futureAfter.scheduledAt()).isEqualTo(tomorrow);
        clock.advance(Duration.ofMinutes(1));
        jobs.dispatch();
        assertThat(tenants.as(team.manager(), () -> publishing.get(past.id())).status())
                .isEqualTo(PostStatus.PUBLISHED);
        assertThat(tenants.as(team.director(), () -> crisis.pausedPosts())).isEmpty();
        assertThat(tenants.as(team.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .extracting(AuditEntryView::action).contains("crisis.ended", "crisis.resumed");
    }

    @Test
    void anEpciPausesItsMemberCommunes() {
        Tenant epci = tenants.epci();
        Tenant commune = tenants.communeOf(epci);
        Tenant outsider = tenants.communeOf(epci);
        tenants.as(commune.admin(), () -> delegations.grant(new NewDelegation(Role.COMMUNICATION_DIRECTOR)));
        UUID account = fixtures.sandboxAccount(commune.admin());
        UUID outsiderAccount = fixtures.sandboxAccount(outsider.admin());
        Instant at = clock.instant().plus(Duration.ofHours(2));
        PostView communePost = scheduledByAdmin(commune.admin(), account, "Fête du village dimanche.", at);
        PostView outsiderPost = scheduledByAdmin(outsider.admin(), outsiderAccount, "Loto samedi soir.", at);

        CrisisStarted started = tenants.as(epci.admin(), () -> crisis.start("Crue de la rivière", true));
        assertThat(started.members()).containsExactly(commune.name());
        assertThat(tenants.as(commune.admin(), () -> publishing.get(communePost.id())).status())
                .isEqualTo(PostStatus.PAUSED);
        CrisisStatus communeStatus = tenants.as(commune.admin(), () -> crisis.status());
        assertThat(communeStatus.isActive()).isTrue();
        assertThat(communeStatus.current().parentName()).isEqualTo(epci.name());
        assertThat(tenants.as(commune.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .extracting(AuditEntryView::action).contains("crisis.started");
        // A commune that did not delegate is left alone.
        assertThat(tenants.as(outsider.admin(), () -> publishing.get(outsiderPost.id())).status())
                .isEqualTo(PostStatus.SCHEDULED);

        tenants.as(epci.admin(), () -> crisis.end());
        assertThat(tenants.as(commune.admin(), () -> crisis.status()).isActive()).isFalse();
        assertThat(tenants.as(commune.admin(), () -> crisis.pausedPosts())).hasSize(1);
    }

    @Test
    void anAlertIsPublishedAtOnceWithAnAuditedBypass() throws Exception {
        Team team = fixtures.team();
        PostView alert = tenants.as(team.director(), () -> crisis.publishAlert(new AlertCommand("canicule",
                Map.of("date", "mardi 14 juillet", "numero_info", "05 55 00 00 00"), List.of(team.sandbox()))));
        assertThat(alert.origin()).isEqualTo("CRISIS");
        assertThat(alert.body()).contains("mardi 14 juillet").contains(team.tenant().name())
                .contains("05 55 00 00 00").doesNotContain("{");
        assertThat(alert.approvalBypass()).isEqualTo("crisis-alert:canicule");
        assertThat(alert.status()).isEqualTo(PostStatus.SCHEDULED);
        jobs.publish(alert.variants().get(0).id());
        PostView published = tenants.as(team.director(), () -> publishing.get(alert.id()));
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.variants()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(VariantState.PUBLISHED);
            assertThat(v.externalId()).isNotBlank();
        });
        assertThat(tenants.as(team.director(), () -> publishing.history(alert.id())).entries())
                .extracting(PostHistoryView.Entry::kind).contains("BYPASSED");
        assertThat(tenants.as(team.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .filteredOn(e -> e.action().equals("publishing.post.approvalBypassed"))
                .singleElement().satisfies(e -> assertThat(e.objectId()).isEqualTo(alert.id().toString()));

        // During a crisis too, and a missing value is refused with its name.
        tenants.as(team.director(), () -> crisis.start("Canicule", false));
        PostView during = tenants.as(team.director(), () -> crisis.publishAlert(new AlertCommand("coupure_eau",
                Map.of("date", "lundi 3 août", "heure", "8 h", "numero_info", "ville.fr/eau"), List.of(team.sandbox()))));
        jobs.publish(during.variants().get(0).id());
        assertThat(tenants.as(team.director(), () -> publishing.get(during.id())).status())
                .isEqualTo(PostStatus.PUBLISHED);
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.publishAlert(new AlertCommand("inondation",
                Map.of("date", "demain"), List.of(team.sandbox())))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "crisis.alert.valueRequired");
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.publishAlert(new AlertCommand("inconnu",
                Map.of(), List.of(team.sandbox())))))
                .isInstanceOf(NotFoundException.class);

        // The API: the community manager may not; the director may.
        mvc.perform(post("/api/v1/crisis/alerts").with(authentication(tenants.authentication(team.manager())))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"templateCode\": \"alerte_meteo\", "
                        + "\"values\": {\"date\": \"jeudi\", \"heure\": \"16 h\", \"numero_info\": \"3000\"}, "
                        + "\"accountIds\": [\"" + team.sandbox() + "\"]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(post("/api/v1/crisis/alerts").with(authentication(tenants.authentication(team.director())))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"templateCode\": \"alerte_meteo\", "
                        + "\"values\": {\"date\": \"jeudi\", \"heure\": \"16 h\", \"numero_info\": \"3000\"}, "
                        + "\"accountIds\": [\"" + team.sandbox() + "\"]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
    }

    @Test
    void templatesAreEditedAndPreApprovedByTheCrisisManagers() {
        Team team = fixtures.team();
        Team other = fixtures.team();
        assertThat(tenants.as(team.manager(), () -> crisis.templates())).extracting(AlertTemplateView::code)
                .containsExactly("canicule", "inondation", "coupure_eau", "alerte_meteo", "confinement");
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> crisis.editTemplate("canicule", "Canicule",
                "Texte")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.editTemplate("canicule", "Canicule",
                "Alerte à {ville}")))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "crisis.template.unknownPlaceholder");
        AlertTemplateView edited = tenants.as(team.director(), () -> crisis.editTemplate("canicule", "Forte chaleur",
                "Forte chaleur à {commune} dès le {date}. Renseignements : {numero_info}."));
        assertThat(edited.shipped()).isFalse();
        assertThat(edited.approvedAt()).isNotNull();
        assertThat(edited.placeholders()).containsExactly("commune", "date", "numero_info");
        assertThat(tenants.as(other.director(), () -> crisis.template("canicule")).shipped()).isTrue();
        assertThat(tenants.as(team.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .extracting(AuditEntryView::action).contains("crisis.template.updated");
        PostView alert = tenants.as(team.director(), () -> crisis.publishAlert(new AlertCommand("canicule",
                Map.of("date", "lundi", "numero_info", "0800 06 66 66"), List.of(team.sandbox()))));
        assertThat(alert.body()).isEqualTo("Forte chaleur à " + team.tenant().name()
                + " dès le lundi. Renseignements : 0800 06 66 66.");
    }

    @Test
    void permissionsAndIsolation() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> crisis.start("Panne", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.as(team.elu(), () -> crisis.start("Panne", false)))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/api/v1/crisis/start").with(authentication(tenants.authentication(team.manager())))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Panne\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(post("/api/v1/crisis/start").with(authentication(tenants.authentication(team.director())))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
        mvc.perform(post("/publier/crise/activation").with(authentication(tenants.authentication(team.manager())))
                .with(csrf()).param("reason", "Panne"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(post("/publier/crise/activation").with(authentication(tenants.authentication(team.director())))
                .with(csrf()).param("reason", "Panne de courant générale"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        String page = mvc.perform(get("/publier/crise").with(authentication(tenants.authentication(team.manager()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Panne de courant générale").contains("Mode crise actif depuis");
        assertThat(mvc.perform(get("/api/v1/crisis").with(authentication(tenants.authentication(other.admin()))))
                .andReturn().getResponse().getContentAsString()).doesNotContain("Panne de courant");
        assertThat(mvc.perform(get("/api/v1/crisis").with(authentication(tenants.authentication(team.admin()))))
                .andReturn().getResponse().getContentAsString()).contains("Panne de courant générale");

        // Another collectivité's post cannot be touched through the crisis pages.
        Instant at = clock.instant().plus(Duration.ofHours(1));
        PostView othersPost = scheduled(other, "Repas des aînés jeudi.", at);
        tenants.as(other.director(), () -> crisis.start("Orage", false));
        tenants.as(other.director(), () -> crisis.end());
        assertThatThrownBy(() -> tenants.as(team.director(), () -> crisis.cancel(othersPost.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(tenants.as(other.director(), () -> publishing.get(othersPost.id())).status())
                .isEqualTo(PostStatus.PAUSED);
    }
}

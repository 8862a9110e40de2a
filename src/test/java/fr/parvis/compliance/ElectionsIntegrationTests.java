package fr.parvis.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.ConflictException;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.NewCollectivite;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The election calendar end to end: which collectivités an election concerns, ad-hoc elections
 * and per-collectivité changes, their isolation and validation, the API, the page and the banner.
 */
@IntegrationTest
class ElectionsIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final UUID PRESIDENTIELLE = UUID.fromString("0e1ec710-0000-4000-8000-000000002027");

    @Autowired
    TestTenants tenants;

    @Autowired
    ElectionManagement elections;

    @Autowired
    ElectionCalendar calendar;

    @Autowired
    AuditTrail audit;

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenManagement tokens;

    Tenant commune;
    Tenant neighbour;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
        neighbour = tenants.commune();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    @Test
    void thePresidentielleConcernsEveryCommuneWithItsReserveAndFreeze() {
        ReserveSituation eve = calendar.situation(commune.id(), paris("2027-04-10T12:00"));
        assertThat(eve.inReserve()).isTrue();
        assertThat(eve.elections()).extracting(ElectionView::id).contains(PRESIDENTIELLE);
        assertThat(eve.reserveStart()).isEqualTo(paris("2026-10-01T00:00"));
        assertThat(eve.reserveEnd()).isAfter(paris("2027-04-25T23:00"));
        assertThat(eve.freeze()).isTrue();
        assertThat(eve.currentFreeze()).isEqualTo(new Interval(paris("2027-04-10T00:00"), paris("2027-04-11T20:00")));
        assertThat(calendar.baselineWindow(commune.id(), paris("2027-01-15T12:00")))
                .contains(new Interval(paris("2026-04-01T00:00"), paris("2026-10-01T00:00")));

        // from a request of the commune (inside its own tenancy) the answer is the same
        ReserveSituation asAgent = tenants.as(commune.admin(),
                () -> calendar.situation(commune.id(), paris("2027-04-10T12:00")));
        assertThat(asAgent.freeze()).isTrue();

        List<ReserveSituation> upcoming = calendar.upcoming(commune.id(), paris("2027-01-15T12:00"),
                Duration.ofDays(3650));
        assertThat(upcoming).extracting(s -> s.elections().get(0).kind()).containsExactly(
                ElectionKind.PRESIDENTIELLE, ElectionKind.EUROPEENNES, ElectionKind.LEGISLATIVES,
                ElectionKind.MUNICIPALES);
        assertThat(upcoming.get(0).inReserve()).isTrue();
        assertThat(upcoming.get(3).inReserve()).isFalse();
        assertThat(upcoming.get(3).reserveStart()).isEqualTo(paris("2031-09-01T00:00"));
    }

    @Test
    void regionalesConcernTheRegionNotTheCommuneAndMunicipalesTheEpci() {
        CollectiviteId region = region();
        Instant december2027 = paris("2027-12-01T12:00");
        assertThat(calendar.situation(commune.id(), december2027).inReserve()).isFalse();
        ReserveSituation regionSituation = calendar.situation(region, december2027);
        assertThat(regionSituation.inReserve()).isTrue();
        assertThat(regionSituation.elections()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ElectionKind.REGIONALES);
            assertThat(e.tentative()).isTrue();
            assertThat(e.scope()).isEqualTo(ElectionScope.BY_TYPE);
        });
        assertThat(regionSituation.reserveStart()).isEqualTo(paris("2027-09-01T00:00"));

        Tenant epci = tenants.epci();
        Instant january2032 = paris("2032-01-10T12:00");
        assertThat(calendar.situation(epci.id(), january2032).elections()).extracting(ElectionView::kind)
                .containsExactly(ElectionKind.MUNICIPALES);
        assertThat(calendar.situation(commune.id(), january2032).inReserve()).isTrue();
        assertThat(calendar.situation(region, january2032).inReserve()).isFalse();
    }

    @Test
    void aPartialElectionConcernsItsCommuneOnlyAndIsAudited() {
        LocalDate first = today().plusDays(60);
        ElectionView partial = tenants.as(commune.admin(), () -> elections.create(new ElectionDraft(
                ElectionKind.PARTIELLE, "Municipale partielle", List.of(first, first.plusDays(7)), false)));
        assertThat(partial.scope()).isEqualTo(ElectionScope.LOCAL);
        assertThat(partial.reserveStart()).isEqualTo(first.withDayOfMonth(1).minusMonths(6).atStartOfDay(PARIS)
                .toInstant());

        Instant eve = first.minusDays(1).atTime(12, 0).atZone(PARIS).toInstant();
        ReserveSituation mine = calendar.situation(commune.id(), eve);
        assertThat(mine.elections()).extracting(ElectionView::id).contains(partial.id());
        assertThat(mine.freeze()).isTrue();
        assertThat(calendar.situation(neighbour.id(), eve).elections()).extracting(ElectionView::id)
                .doesNotContain(partial.id());
        assertThat(tenants.as(neighbour.admin(), elections::list)).extracting(ElectionView::id)
                .doesNotContain(partial.id());

        assertThat(tenants.as(commune.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("elections.created");
                    assertThat(e.objectLabel()).isEqualTo("Municipale partielle");
                });

        // a first round that decided: the second round is removed, the reserve ends on the first
        ElectionView decided = tenants.as(commune.admin(), () -> elections.update(partial.id(),
                new ElectionChange(null, null, List.of(first), null, null)));
        assertThat(decided.rounds()).containsExactly(first);
        assertThat(decided.reserveEnd()).isEqualTo(first.plusDays(1).atStartOfDay(PARIS).toInstant());
    }

    @Test
    void aCollectiviteHidesOrRedatesAShippedElectionForItselfOnly() {
        Instant january2027 = paris("2027-01-15T12:00");
        tenants.as(commune.admin(), () -> elections.hide(PRESIDENTIELLE, true));
        assertThat(calendar.situation(commune.id(), january2027).inReserve()).isFalse();
        assertThat(calendar.situation(neighbour.id(), january2027).inReserve()).isTrue();
        assertThat(tenants.as(commune.admin(), () -> elections.get(PRESIDENTIELLE).hidden())).isTrue();

        tenants.as(commune.admin(), () -> elections.hide(PRESIDENTIELLE, false));
        ElectionView redated = tenants.as(commune.admin(), () -> elections.update(PRESIDENTIELLE, new ElectionChange(
                ElectionKind.AUTRE, "ignored", List.of(LocalDate.parse("2027-05-02"), LocalDate.parse("2027-05-16")),
                true, null)));
        assertThat(redated.overridden()).isTrue();
        assertThat(redated.name()).isEqualTo("Élection présidentielle 2027");
        assertThat(redated.kind()).isEqualTo(ElectionKind.PRESIDENTIELLE);
        assertThat(redated.reserveStart()).isEqualTo(paris("2026-11-01T00:00"));
        assertThat(tenants.as(neighbour.admin(), () -> elections.get(PRESIDENTIELLE)).overridden()).isFalse();
        assertThat(tenants.as(commune.admin(), () -> audit.search(AuditQuery.firstPage()).entries()))
                .extracting(AuditEntryView::action).contains("elections.hidden", "elections.shown", "elections.updated");
    }

    @Test
    void aJobActingForTheCollectiviteAndABearerTokenGetTheSameSituation() throws Exception {
        ReserveSituation fromJob = SystemActor.actFor(commune.id(), "test job",
                () -> calendar.situation(commune.id(), paris("2027-04-24T08:00")));
        assertThat(fromJob.freeze()).isTrue();
        assertThat(fromJob.nextFreeze().start()).isEqualTo(paris("2029-06-09T00:00"));
        // a job acting for another collectivité cannot compute it inside its own transaction
        assertThatThrownBy(() -> SystemActor.actFor(commune.id(), "test job", () -> new TransactionTemplate(
                transactionManager).execute(status -> calendar.situation(neighbour.id(), paris("2027-04-24T08:00")))))
                .isInstanceOf(IllegalStateException.class);

        String secret = tenants.as(commune.admin(), () -> tokens.create(new NewApiToken("Calendrier", Role.READ_ONLY,
                30))).secret();
        MvcResult result = mvc.perform(get("/api/v1/elections/situation").param("at", "2027-04-24T08:00:00+02:00")
                .header("Authorization", "Bearer " + secret)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result).get("freeze").asBoolean()).isTrue();
        assertThat(body(result).get("collectiviteId").asString()).isEqualTo(commune.id().toString());
    }

    @Test
    void editingNeedsThePublishingSettingsPermission() {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        assertThat(tenants.as(reader, elections::list)).isNotEmpty();
        assertThatThrownBy(() -> tenants.as(reader, () -> elections.hide(PRESIDENTIELLE, true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingWritten() throws Exception {
        LocalDate first = today().plusDays(30);
        String created = """
                {"kind": "PARTIELLE", "name": "Partielle", "rounds": ["%s", "%s"]}""".formatted(first, first.plusDays(7));
        String threeRounds = """
                {"kind": "PARTIELLE", "name": "Trois tours", "rounds": ["%s", "%s", "%s"]}"""
                .formatted(first, first.plusDays(7), first.plusDays(14));
        assertProblem(json(post("/api/v1/elections"), commune.admin(), threeRounds), 400, "au plus deux tours");
        String disorder = """
                {"kind": "PARTIELLE", "name": "Désordre", "rounds": ["%s", "%s"]}""".formatted(first, first.minusDays(7));
        assertProblem(json(post("/api/v1/elections"), commune.admin(), disorder), 400, "après le premier");
        String past = """
                {"kind": "PARTIELLE", "name": "Passée", "rounds": ["%s"]}""".formatted(today().minusDays(3));
        assertProblem(json(post("/api/v1/elections"), commune.admin(), past), 400, "passées");
        String tooFar = """
                {"kind": "AUTRE", "name": "Lointaine", "rounds": ["%s"]}""".formatted(today().plusYears(11));
        assertProblem(json(post("/api/v1/elections"), commune.admin(), tooFar), 400, "10 ans");
        String longName = """
                {"kind": "AUTRE", "name": "%s", "rounds": ["%s"]}""".formatted("x".repeat(121), first);
        assertThat(mvc.perform(json(post("/api/v1/elections"), commune.admin(), longName)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(mvc.perform(json(post("/api/v1/elections"), commune.admin(), "{\"kind\": \"PARTIELLE\", "
                + "\"name\": \"x\", \"rounds\": [\"2027-02-30\"]}")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(tenants.as(commune.admin(), elections::list)).noneMatch(e -> e.scope() == ElectionScope.LOCAL);

        MvcResult ok = mvc.perform(json(post("/api/v1/elections"), commune.admin(), created)).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(201);
        String id = body(ok).get("id").asString();

        assertProblem(json(put("/api/v1/elections/" + id), commune.admin(), threeRounds), 400, "au plus deux tours");
        // once the election is over, its dates no longer change; it can still be hidden
        clock.advance(Duration.ofDays(60));
        assertProblem(json(put("/api/v1/elections/" + id), commune.admin(), """
                {"rounds": ["%s"]}""".formatted(today().plusDays(5))), 400, "terminée");
        MvcResult hidden = mvc.perform(json(put("/api/v1/elections/" + id), commune.admin(), "{\"hidden\": true}"))
                .andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(hidden).get("hidden").asBoolean()).isTrue();
        assertThat(body(hidden).get("status").asString()).isEqualTo("PAST");
    }

    @Test
    void anotherCollectivitesElectionIsNotFoundAndUnchanged() throws Exception {
        LocalDate first = today().plusDays(40);
        ElectionView partial = tenants.as(commune.admin(), () -> elections.create(new ElectionDraft(
                ElectionKind.PARTIELLE, "Partielle de A", List.of(first), false)));
        assertProblem(json(put("/api/v1/elections/" + partial.id()), neighbour.admin(), "{\"name\": \"Prise par B\"}"),
                404, null);
        assertThat(mvc.perform(get("/parametres/elections/" + partial.id())
                .with(authentication(tenants.authentication(neighbour.admin())))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/parametres/elections/" + partial.id() + "/masquage")
                .with(authentication(tenants.authentication(neighbour.admin()))).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(tenants.as(commune.admin(), () -> elections.get(partial.id()))).satisfies(e -> {
            assertThat(e.name()).isEqualTo("Partielle de A");
            assertThat(e.hidden()).isFalse();
        });
        // a shipped election that does not concern the collectivité is not found either
        UUID regionales = UUID.fromString("0e1ec710-0000-4000-8000-000000022028");
        assertProblem(json(put("/api/v1/elections/" + regionales), commune.admin(), "{\"hidden\": true}"), 404, null);
    }

    @Test
    void theApiListsElectionsAndGivesTheSituation() throws Exception {
        MvcResult list = mvc.perform(get("/api/v1/elections").with(authentication(tenants.authentication(
                commune.admin())))).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        JsonNode presidentielle = null;
        for (JsonNode e : body(list)) {
            if (e.get("id").asString().equals(PRESIDENTIELLE.toString())) {
                presidentielle = e;
            }
        }
        assertThat(presidentielle).isNotNull();
        assertThat(presidentielle.get("reserveStart").asString()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(presidentielle.get("rounds").get(1).asString()).isEqualTo("2027-04-25");

        MvcResult situation = mvc.perform(get("/api/v1/elections/situation").param("at", "2027-04-10T10:00:00Z")
                .with(authentication(tenants.authentication(commune.admin())))).andReturn();
        assertThat(situation.getResponse().getStatus()).isEqualTo(200);
        JsonNode s = body(situation);
        assertThat(s.get("inReserve").asBoolean()).isTrue();
        assertThat(s.get("freeze").asBoolean()).isTrue();
        assertThat(s.get("currentFreeze").get("end").asString()).isEqualTo("2027-04-11T18:00:00Z");
        assertThat(s.get("baseline").get("start").asString()).isEqualTo("2026-03-31T22:00:00Z");
        assertThat(mvc.perform(get("/api/v1/elections/situation").param("at", "demain")
                .with(authentication(tenants.authentication(commune.admin())))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void thePageListsElectionsAndTheBannerShowsTheReserveAndTheFreeze() throws Exception {
        clock.advance(Duration.between(clock.instant(), paris("2027-01-15T12:00")));
        String page = page("/parametres/elections", commune.admin());
        assertThat(page).contains("Élection présidentielle 2027", "du 01/10/2026 au 25/04/2027 inclus",
                "du 10/04/2027 00:00 au 11/04/2027 20:00", "en cours", "Période de réserve électorale",
                "jusqu’au 25/04/2027 inclus", "href=\"/parametres/elections\" aria-current=\"page\"")
                .doesNotContain("Gel de la veille du scrutin (L49)</strong>");
        assertThat(page("/", commune.admin())).contains("Période de réserve électorale");

        clock.advance(Duration.between(clock.instant(), paris("2027-04-10T09:00")));
        assertThat(page("/", commune.admin())).contains("Gel de la veille du scrutin (L49)",
                "jusqu’au 11/04/2027 20:00");

        clock.advance(Duration.between(clock.instant(), paris("2027-06-01T09:00")));
        assertThat(page("/", commune.admin())).doesNotContain("Période de réserve électorale");
    }

    @Test
    void theFormAddsAnElectionOrShowsTheErrors() throws Exception {
        LocalDate first = today().plusDays(20);
        MvcResult refused = mvc.perform(post("/parametres/elections").param("kind", "PARTIELLE")
                .param("name", "Partielle du formulaire").param("round1", first.toString())
                .param("round2", first.minusDays(1).toString())
                .with(authentication(tenants.authentication(commune.admin()))).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Le second tour doit avoir lieu après le premier.");
        MvcResult added = mvc.perform(post("/parametres/elections").param("kind", "PARTIELLE")
                .param("name", "Partielle du formulaire").param("round1", first.toString()).param("tentative", "true")
                .with(authentication(tenants.authentication(commune.admin()))).with(csrf())).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/parametres/elections");
        assertThat(page("/parametres/elections", commune.admin())).contains("Partielle du formulaire",
                "dates à confirmer");
    }

    private String page(String path, Agent agent) throws Exception {
        MvcResult result = mvc.perform(get(path).with(authentication(tenants.authentication(agent)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void assertProblem(MockHttpServletRequestBuilder request, int status, String detail) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        if (detail != null) {
            // a field error is named in "errors", with its French reason
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(detail);
        }
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Agent agent, String body) {
        return request.with(authentication(tenants.authentication(agent))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A région (one of the 18 INSEE codes not yet taken by another test). */
    private CollectiviteId region() {
        for (String code : List.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75",
                "76", "84", "93", "94")) {
            CollectiviteId id = new CollectiviteId(UUID.randomUUID());
            try {
                return SystemActor.actFor(id, "test fixture", () -> new TransactionTemplate(transactionManager)
                        .execute(status -> collectivites.createStandalone(id, new NewCollectivite(
                                CollectiviteType.REGION, new CollectiviteSettings("Région test " + code, null, code, null,
                                        null, null, null, null)), false).id()));
            } catch (ConflictException e) {
                // taken: try the next code
            }
        }
        throw new IllegalStateException("no région code left");
    }
}

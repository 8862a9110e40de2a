package fr.parvis.publishing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.NewApiToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar API with personal access tokens: the posts of a period with the calendar's filters,
 * moving one (same rules and audit as the calendar page), the iCalendar address (secret shown
 * once, rotated, revoked), CSV export and import, and the refusals (period, role, other collectivité).
 */
@IntegrationTest
class CalendarApiIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    AuditTrail audit;

    @Autowired
    MutableClock clock;

    private LocalDate inTenDays() {
        return LocalDate.ofInstant(clock.instant(), PARIS).plusDays(10);
    }

    private PostView scheduledDraft(Team team, String body, LocalDate day) {
        Instant at = LocalDateTime.of(day, java.time.LocalTime.of(10, 0)).atZone(PARIS).toInstant();
        return tenants.as(team.manager(), () -> publishing.create(PublishingFixtures.post(body, at, team.sandbox())));
    }

    @Test
    void thePostsOfAPeriodAreListedWithTheCalendarFilters() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        LocalDate day = inTenDays();
        PostView post = scheduledDraft(team, "Marché de producteurs samedi matin.", day);

        JsonNode entries = read(call(get("/api/v1/calendar/entries").param("from", day.minusDays(1).toString())
                .param("to", day.plusDays(1).toString()), manager, null));
        JsonNode entry = find(entries, post.id());
        assertThat(entry).isNotNull();
        assertThat(entry.get("day").asString()).isEqualTo(day.toString());
        assertThat(entry.get("time").asString()).isEqualTo("10:00");
        assertThat(entry.get("status").asString()).isEqualTo("DRAFT");
        assertThat(entry.get("movable").asBoolean()).isTrue();
        assertThat(entry.get("accounts").get(0).asString()).startsWith("SANDBOX:@");

        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.toString())
                .param("to", day.toString()).param("status", "PUBLISHED"), manager, null)), post.id())).isNull();
        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.toString())
                .param("to", day.toString()).param("account", UUID.randomUUID().toString()), manager, null)),
                post.id())).isNull();
        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.plusDays(1).toString())
                .param("to", day.plusDays(5).toString()), manager, null)), post.id())).isNull();

        MockHttpServletResponse tooLong = call(get("/api/v1/calendar/entries").param("from", "2027-01-01")
                .param("to", "2028-01-03"), manager, null);
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentType()).startsWith("application/problem+json");
        assertThat(read(tooLong).get("detail").asString()).contains("366 jours");
        assertThat(call(get("/api/v1/calendar/entries").param("from", "2027-02-01").param("to", "2027-01-01"),
                manager, null).getStatus()).isEqualTo(400);
        assertThat(read(call(get("/api/v1/calendar/entries").param("from", "01/02/2027").param("to", "2027-03-01"),
                manager, null)).get("detail").asString()).contains("AAAA-MM-JJ");

        // another collectivité does not see it
        Team other = fixtures.team();
        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.toString())
                .param("to", day.toString()), token(other.admin()), null)), post.id())).isNull();
    }

    @Test
    void movingAPostFollowsTheCalendarRulesAndIsAudited() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        LocalDate day = inTenDays();
        PostView post = scheduledDraft(team, "Collecte des encombrants mardi.", day);
        LocalDate later = day.plusDays(2);

        MockHttpServletResponse moved = call(post("/api/v1/calendar/entries/" + post.id() + "/move"), manager,
                Map.of("date", later.toString(), "time", "14:30"));
        assertThat(moved.getStatus()).isEqualTo(200);
        assertThat(read(moved).get("day").asString()).isEqualTo(later.toString());
        assertThat(read(moved).get("time").asString()).isEqualTo("14:30");
        assertThat(tenants.as(team.manager(), () -> publishing.get(post.id())).scheduledAt())
                .isEqualTo(LocalDateTime.of(later, java.time.LocalTime.of(14, 30)).atZone(PARIS).toInstant());
        assertThat(tenants.as(team.admin(), () -> audit.search(new AuditQuery("publishing.post.scheduled", null,
                null, null, null, 0, 50))).entries()).anyMatch(e -> post.id().toString().equals(e.objectId()));

        MockHttpServletResponse past = call(post("/api/v1/calendar/entries/" + post.id() + "/move"), manager,
                Map.of("date", "2020-01-01", "time", "10:00"));
        assertThat(past.getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/calendar/entries/" + post.id() + "/move"), manager,
                Map.of("date", later.toString(), "time", "25:99")).getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/calendar/entries/" + post.id() + "/move"), token(team.elu()),
                Map.of("date", later.toString(), "time", "09:00")).getStatus()).isEqualTo(403);

        Team other = fixtures.team();
        MockHttpServletResponse foreign = call(post("/api/v1/calendar/entries/" + post.id() + "/move"),
                token(other.admin()), Map.of("date", later.toString(), "time", "09:00"));
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(tenants.as(team.manager(), () -> publishing.get(post.id())).scheduledAt())
                .isEqualTo(LocalDateTime.of(later, java.time.LocalTime.of(14, 30)).atZone(PARIS).toInstant());
    }

    @Test
    void theICalendarAddressIsShownOnceRotatedAndRevoked() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        assertThat(read(call(get("/api/v1/calendar/feed"), manager, null)).get("active").asBoolean()).isFalse();

        MockHttpServletResponse created = call(post("/api/v1/calendar/feed"), manager, null);
        assertThat(created.getStatus()).isEqualTo(201);
        String secret = read(created).get("secret").asString();
        assertThat(read(created).get("url").asString()).endsWith("/ical/" + secret + ".ics");
        JsonNode active = read(call(get("/api/v1/calendar/feed"), manager, null));
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.toString()).doesNotContain(secret);
        assertThat(mvc.perform(get("/ical/" + secret + ".ics")).andReturn().getResponse().getContentAsString())
                .startsWith("BEGIN:VCALENDAR");

        String rotated = read(call(post("/api/v1/calendar/feed"), manager, null)).get("secret").asString();
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(mvc.perform(get("/ical/" + secret + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ical/" + rotated + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(200);

        assertThat(call(delete("/api/v1/calendar/feed"), manager, null).getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get("/ical/" + rotated + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(read(call(get("/api/v1/calendar/feed"), manager, null)).get("active").asBoolean()).isFalse();
    }

    @Test
    void csvExportAndImportWithAValidationReport() throws Exception {
        Team team = fixtures.team();
        String manager = token(team.manager());
        LocalDate day = inTenDays();
        scheduledDraft(team, "Fête de la musique : programme des concerts.", day);

        MockHttpServletResponse export = call(get("/api/v1/calendar/export.csv").param("from", day.toString())
                .param("to", day.toString()), manager, null);
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).startsWith("text/csv");
        String csv = new String(export.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Fête de la musique : programme des concerts.");
        assertThat(call(get("/api/v1/calendar/export.csv").param("from", "2027-01-01").param("to", "2028-06-01"),
                manager, null).getStatus()).isEqualTo(400);

        // the exported row, with another text, and a row with a bad date
        String[] lines = csv.split("\r?\n");
        String header = lines[0];
        String row = lines[1].replace("Fête de la musique : programme des concerts.", "Forum des associations.");
        String bad = row.replace(day.toString(), "2027-13-45").replace("Forum des associations.", "Ligne fausse.");
        byte[] file = (header + "\r\n" + row + "\r\n" + bad + "\r\n").getBytes(StandardCharsets.UTF_8);

        MockHttpServletResponse refused = upload(manager, file, false);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode report = read(refused).get("report");
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("valid").asInt()).isEqualTo(1);
        assertThat(report.get("imported").asInt()).isZero();
        assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("problems").get(0).get("message").asString()).contains("2027-13-45");
        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.toString())
                .param("to", day.toString()), manager, null)), "Forum des associations.")).isNull();

        MockHttpServletResponse partial = upload(manager, file, true);
        assertThat(partial.getStatus()).isEqualTo(200);
        assertThat(read(partial).get("imported").asInt()).isEqualTo(1);
        assertThat(read(partial).get("problems")).hasSize(1);
        assertThat(find(read(call(get("/api/v1/calendar/entries").param("from", day.toString())
                .param("to", day.toString()), manager, null)), "Forum des associations.")).isNotNull();

        assertThat(upload(token(team.elu()), file, true).getStatus()).isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private MockHttpServletResponse upload(String token, byte[] file, boolean validOnly) throws Exception {
        return mvc.perform(multipart("/api/v1/calendar/import")
                .file(new MockMultipartFile("file", "calendrier.csv", "text/csv", file))
                .param("validRowsOnly", String.valueOf(validOnly))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
    }

    private static JsonNode find(JsonNode entries, UUID postId) {
        for (JsonNode entry : entries) {
            if (entry.get("postId").asString().equals(postId.toString())) {
                return entry;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode entries, String label) {
        List<JsonNode> found = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("label").asString().contains(label)) {
                found.add(e);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private String token(Agent agent) {
        return tenants.as(agent, () -> tokens.create(new NewApiToken("api " + UUID.randomUUID().toString()
                .substring(0, 8), agent.role(), 30))).secret();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, Object body)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}

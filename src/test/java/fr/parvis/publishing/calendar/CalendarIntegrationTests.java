package fr.parvis.publishing.calendar;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The editorial calendar end to end: views around the changes of time in Europe/Paris, filters,
 * moving a post, the iCalendar feed, the CSV export and import.
 */
@IntegrationTest
class CalendarIntegrationTests {

    static final java.time.ZoneId PARIS = CalendarManagement.ZONE;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    CalendarManagement calendar;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    PostView draft(Team team, String body, Instant at, UUID... accountIds) {
        return tenants.as(team.manager(), () -> publishing.create(post(body, at, accountIds)));
    }

    PostView scheduled(Team team, PostCommand command) {
        PostView created = tenants.as(team.manager(), () -> publishing.create(command));
        tenants.as(team.manager(), () -> publishing.submit(created.id(), Set.of()));
        return tenants.as(team.elu(), () -> publishing.approve(created.id(), null));
    }

    MvcResult as(Agent agent, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(tenants.authentication(agent))).with(csrf())).andReturn();
    }

    // ---- Views --------------------------------------------------------------------------------

    @Test
    void postsAreOnTheirParisDayAroundTheChangesOfTime() throws Exception {
        Team team = fixtures.team();
        // 2027-03-28: clocks go from 02:00 to 03:00 in Paris; 2027-10-31: from 03:00 back to 02:00.
        PostView saturdayLate = draft(team, "Samedi soir", paris("2027-03-27T23:30"), team.sandbox());
        PostView beforeJump = draft(team, "Avant le changement", paris("2027-03-28T01:30"), team.sandbox());
        PostView afterJump = draft(team, "Après le changement", paris("2027-03-28T03:30"), team.sandbox());
        PostView sundayLate = draft(team, "Dimanche soir", paris("2027-03-28T23:30"), team.sandbox());
        PostView mondayEarly = draft(team, "Lundi tôt", paris("2027-03-29T00:30"), team.sandbox());
        Instant secondTwoThirty = ZonedDateTime.of(LocalDate.parse("2027-10-31"), LocalTime.of(2, 30), PARIS)
                .withLaterOffsetAtOverlap().toInstant();
        PostView autumn = draft(team, "Heure d'hiver", secondTwoThirty, team.sandbox());
        assertThat(sundayLate.scheduledAt()).isEqualTo(Instant.parse("2027-03-28T21:30:00Z"));

        CalendarPage month = tenants.as(team.manager(), () -> calendar.page(CalendarMode.MOIS,
                LocalDate.parse("2027-03-10"), PostFilter.all()));
        assertThat(month.from()).isEqualTo(LocalDate.parse("2027-03-01"));
        assertThat(month.to()).isEqualTo(LocalDate.parse("2027-04-04"));
        assertThat(ids(day(month, "2027-03-27"))).containsExactly(saturdayLate.id());
        assertThat(ids(day(month, "2027-03-28"))).containsExactly(beforeJump.id(), afterJump.id(), sundayLate.id());
        assertThat(ids(day(month, "2027-03-29"))).containsExactly(mondayEarly.id());
        assertThat(day(month, "2027-03-28").entries()).extracting(CalendarEntry::time)
                .containsExactly(LocalTime.of(1, 30), LocalTime.of(3, 30), LocalTime.of(23, 30));

        CalendarPage week = tenants.as(team.manager(), () -> calendar.page(CalendarMode.SEMAINE,
                LocalDate.parse("2027-03-28"), PostFilter.all()));
        assertThat(week.days()).extracting(CalendarDay::date).first().isEqualTo(LocalDate.parse("2027-03-22"));
        CalendarDay sunday = week.days().get(6);
        assertThat(ids(sunday.at(1))).containsExactly(beforeJump.id());
        assertThat(sunday.at(2)).isEmpty();
        assertThat(ids(sunday.at(3))).containsExactly(afterJump.id());
        assertThat(week.entries()).extracting(e -> e.post().id()).doesNotContain(mondayEarly.id());

        CalendarPage autumnWeek = tenants.as(team.manager(), () -> calendar.page(CalendarMode.SEMAINE,
                LocalDate.parse("2027-10-31"), PostFilter.all()));
        assertThat(ids(autumnWeek.days().get(6).at(2))).containsExactly(autumn.id());

        PostView undated = draft(team, "Sans date encore", null, team.sandbox());
        CalendarPage list = tenants.as(team.manager(), () -> calendar.page(CalendarMode.LISTE,
                LocalDate.parse("2027-03-28"), PostFilter.all()));
        assertThat(list.entries()).extracting(e -> e.post().id()).containsExactly(saturdayLate.id(), beforeJump.id(),
                afterJump.id(), sundayLate.id(), mondayEarly.id());
        assertThat(list.undated()).extracting(PostView::id).contains(undated.id());

        for (String view : List.of("mois", "semaine", "liste")) {
            MockHttpServletResponse page = as(team.manager(), get("/publier/calendrier").param("vue", view)
                    .param("date", "2027-03-28")).getResponse();
            assertThat(page.getStatus()).as(view).isEqualTo(200);
            String html = page.getContentAsString();
            assertThat(html).as(view).contains("Après le changement").contains("Brouillon");
        }
        String monthHtml = as(team.manager(), get("/publier/calendrier").param("date", "2027-03-28")).getResponse()
                .getContentAsString();
        int cell = monthHtml.indexOf("data-date=\"2027-03-28\"");
        int next = monthHtml.indexOf("data-date=\"2027-03-29\"");
        assertThat(monthHtml.substring(cell, next)).contains("Avant le changement", "Après le changement", "Dimanche soir")
                .doesNotContain("Lundi tôt");
        assertThat(as(team.manager(), get("/publier/calendrier").param("vue", "liste").param("date", "2027-03-01"))
                .getResponse().getContentAsString()).contains("Sans date encore");
        assertThat(as(team.manager(), get("/publier/calendrier").param("vue", "annee")).getResponse().getStatus())
                .isEqualTo(400);
        assertThat(as(team.manager(), get("/publier/calendrier").param("date", "2027-13-01")).getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void filtersByAccountCommunityAndStatus() throws Exception {
        Team team = fixtures.team();
        UUID youth = tenants.as(team.admin(), () -> accounts.connectOneClick(Network.SANDBOX,
                "jeunes" + UUID.randomUUID().toString().substring(0, 6), null, "Jeunes").id());
        PostView forAll = draft(team, "Pour les habitants", paris("2027-05-03T10:00"), team.sandbox());
        PostView forYouth = draft(team, "Pour les jeunes", paris("2027-05-04T10:00"), youth);
        PostView approved = scheduled(team, post("Programmée pour tous", paris("2027-05-05T10:00"), team.sandbox()));
        assertThat(approved.status()).isEqualTo(PostStatus.SCHEDULED);

        String byAccount = as(team.manager(), get("/publier/calendrier").param("date", "2027-05-01")
                .param("compte", youth.toString())).getResponse().getContentAsString();
        assertThat(byAccount).contains("Pour les jeunes").doesNotContain("Pour les habitants");
        String byCommunity = as(team.manager(), get("/publier/calendrier").param("date", "2027-05-01")
                .param("communaute", "Habitants")).getResponse().getContentAsString();
        assertThat(byCommunity).contains("Pour les habitants", "Programmée pour tous").doesNotContain("Pour les jeunes");
        String byStatus = as(team.manager(), get("/publier/calendrier").param("vue", "liste").param("date", "2027-05-01")
                .param("statut", "SCHEDULED")).getResponse().getContentAsString();
        assertThat(byStatus).contains("Programmée pour tous").doesNotContain("Pour les jeunes", "Pour les habitants");
        String twoStatuses = as(team.manager(), get("/publier/calendrier").param("vue", "semaine")
                .param("date", "2027-05-03").param("statut", "SCHEDULED", "DRAFT")).getResponse().getContentAsString();
        assertThat(twoStatuses).contains("Programmée pour tous", "Pour les jeunes", "Pour les habitants");
        assertThat(as(team.manager(), get("/publier/calendrier").param("statut", "NIMPORTE")).getResponse().getStatus())
                .isEqualTo(400);
        assertThat(forAll.id()).isNotEqualTo(forYouth.id());
    }

    // ---- Moving -------------------------------------------------------------------------------

    @Test
    void movingAPost() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        PostView mine = draft(team, "À déplacer", paris("2027-05-03T10:15"), team.sandbox());
        MockHttpServletResponse ok = as(team.manager(), post("/publier/calendrier/deplacer")
                .header("Accept", "application/json").param("postId", mine.id().toString())
                .param("date", "2027-05-07").param("heure", "08:15")).getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(tenants.as(team.manager(), () -> publishing.get(mine.id())).scheduledAt())
                .isEqualTo(paris("2027-05-07T08:15"));

        MockHttpServletResponse past = as(team.manager(), post("/publier/calendrier/deplacer")
                .header("Accept", "application/json").param("postId", mine.id().toString())
                .param("date", "2020-01-01").param("heure", "08:15")).getResponse();
        assertThat(past.getStatus()).isEqualTo(400);
        assertThat(past.getContentAsString(StandardCharsets.UTF_8)).contains("passée");

        MockHttpServletResponse foreign = as(other.manager(), post("/publier/calendrier/deplacer")
                .header("Accept", "application/json").param("postId", mine.id().toString())
                .param("date", "2027-05-08").param("heure", "08:15")).getResponse();
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(as(other.manager(), post("/publier/calendrier/deplacer").param("postId", mine.id().toString())
                .param("date", "2027-05-08").param("heure", "08:15")).getResponse().getStatus()).isEqualTo(404);
        assertThat(tenants.as(team.manager(), () -> publishing.get(mine.id())).scheduledAt())
                .isEqualTo(paris("2027-05-07T08:15"));

        // Without JavaScript: the form goes back to the calendar with a message.
        MvcResult form = as(team.manager(), post("/publier/calendrier/deplacer").param("postId", mine.id().toString())
                .param("date", "2027-05-09").param("heure", "18:00").param("vue", "semaine").param("retour", "2027-05-09"));
        assertThat(form.getResponse().getStatus()).isEqualTo(302);
        assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/publier/calendrier?vue=semaine&date=2027-05-09");
        assertThat(form.getFlashMap().get("flash")).isEqualTo("calendar.move.done");
        assertThat(as(team.manager(), post("/publier/calendrier/deplacer").param("postId", mine.id().toString())
                .param("date", "hier").param("heure", "18:00")).getFlashMap().get("flashError"))
                .isEqualTo("calendar.date.invalid");

        // An élu cannot move posts.
        assertThat(as(team.elu(), post("/publier/calendrier/deplacer").header("Accept", "application/json")
                .param("postId", mine.id().toString()).param("date", "2027-05-10").param("heure", "18:00"))
                .getResponse().getStatus()).isEqualTo(403);

        // A published post stays where it is.
        PostView soon = scheduled(team, post("Publiée bientôt", clock.instant().plus(Duration.ofHours(1)),
                team.sandbox()));
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        jobs.dispatch();
        jobs.dispatch();
        assertThat(tenants.as(team.manager(), () -> publishing.get(soon.id())).status()).isEqualTo(PostStatus.PUBLISHED);
        MockHttpServletResponse published = as(team.manager(), post("/publier/calendrier/deplacer")
                .header("Accept", "application/json").param("postId", soon.id().toString())
                .param("date", "2027-05-10").param("heure", "18:00")).getResponse();
        assertThat(published.getStatus()).isEqualTo(409);
        assertThat(published.getContentAsString(StandardCharsets.UTF_8)).contains("ne peut plus être déplacée");
        LocalDate day = soon.scheduledAt().atZone(PARIS).toLocalDate();
        String html = as(team.manager(), get("/publier/calendrier").param("date", day.toString())).getResponse()
                .getContentAsString();
        int card = html.indexOf("id=\"post-" + soon.id() + "\"");
        assertThat(card).isPositive();
        String cardTag = html.substring(card, html.indexOf('>', card));
        assertThat(cardTag).doesNotContain("draggable");
    }

    // ---- iCalendar ----------------------------------------------------------------------------

    @Test
    void theSecretFeedShowsTheScheduledPostsOfItsCollectiviteOnly() throws Exception {
        Team team = fixtures.team();
        Team other = fixtures.team();
        String longTitle = "Conseil municipal, séance publique; ordre du jour \\ budget — " + "é".repeat(40);
        PostView sched = scheduled(team, new PostCommand(longTitle, "Ligne 1\nLigne 2, suite", null, null, false,
                clock.instant().plus(Duration.ofDays(3)), List.of(new PostCommand.VariantCommand(team.sandbox(), null,
                        null, List.of()))));
        PostView draftOnly = draft(team, "Brouillon pas dans l'agenda", clock.instant().plus(Duration.ofDays(4)),
                team.sandbox());
        PostView foreign = scheduled(other, post("Publication de l'autre commune",
                clock.instant().plus(Duration.ofDays(3)), other.sandbox()));
        String otherUrl = feedUrl(other.manager());
        assertThat(otherUrl).isNotBlank();

        String url = feedUrl(team.manager());
        String path = url.substring(url.indexOf("/ical/"));
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/calendar").contains("charset=UTF-8");
        String ics = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\n", "").replace("\r", "")).doesNotContain("\n");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:" + sched.id() + "@parvis")
                .contains("SUMMARY:Conseil municipal\\, séance publique\\; ordre du jour \\\\ budget — ")
                .contains("DTSTART:" + ICalendar.utc(sched.scheduledAt()))
                .contains("Ligne 1\\nLigne 2\\, suite")
                .contains("URL:http://localhost:8080/publier/publications/" + sched.id())
                .doesNotContain(draftOnly.id().toString()).doesNotContain(foreign.id().toString())
                .doesNotContain("autre commune");

        // Revoked → 404; unknown → 404.
        MvcResult revoked = as(team.manager(), post("/publier/calendrier/flux/revocation"));
        assertThat(revoked.getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ical/" + "A".repeat(43) + ".ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/ical/court.ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        String otherPath = otherUrl.substring(otherUrl.indexOf("/ical/"));
        assertThat(mvc.perform(get(otherPath)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(foreign.id().toString()).doesNotContain(sched.id().toString());
        // A new address replaces the old one.
        String renewed = feedUrl(other.manager());
        assertThat(mvc.perform(get(otherPath)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(renewed.substring(renewed.indexOf("/ical/")))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        String page = as(other.manager(), get("/publier/calendrier")).getResponse().getContentAsString();
        assertThat(page).contains("Adresse active depuis").doesNotContain(renewed);
    }

    String feedUrl(Agent agent) throws Exception {
        MvcResult created = as(agent, post("/publier/calendrier/flux"));
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        return (String) created.getFlashMap().get("feedUrl");
    }

    // ---- CSV ----------------------------------------------------------------------------------

    @Test
    void exportThenImportGivesTheSameDrafts() throws Exception {
        Team team = fixtures.team();
        UUID second = fixtures.sandboxAccount(team.admin());
        PostView one = tenants.as(team.manager(), () -> publishing.create(new PostCommand("Fête, « été »",
                "Rendez-vous au parc ; venez nombreux !\nDeuxième ligne \"citée\"", "https://ville.example/fete",
                "fete2027", false, paris("2027-06-21T18:30"), List.of(
                        new PostCommand.VariantCommand(team.sandbox(), null, null, List.of()),
                        new PostCommand.VariantCommand(second, null, null, List.of())))));
        PostView two = draft(team, "=1+1 n'est pas une formule ici", paris("2027-06-22T07:05"), second);

        MockHttpServletResponse export = as(team.manager(), get("/publier/calendrier/export.csv")
                .param("from", "2027-06-01").param("to", "2027-06-30")).getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).startsWith("text/csv");
        byte[] csv = export.getContentAsByteArray();
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"date\";\"heure\";\"comptes\";\"titre\";\"message\";\"lien\";"
                + "\"campagne_utm\";\"statut\"\r\n");
        assertThat(text).contains("\"2027-06-21\";\"18:30\";").contains("\"'=1+1 n'est pas une formule ici\"")
                .contains("\"Brouillon\"");

        MvcResult imported = as(team.manager(), multipart("/publier/calendrier/import")
                .file(new MockMultipartFile("fichier", "calendrier.csv", "text/csv", csv)));
        assertThat(imported.getResponse().getStatus()).isEqualTo(302);
        assertThat(imported.getFlashMap().get("flash")).isEqualTo("calendar.import.done");
        List<PostView> fromCsv = csvDrafts(team);
        assertThat(fromCsv).hasSize(2);
        for (PostView original : List.of(one, two)) {
            PostView copy = fromCsv.stream().filter(p -> p.scheduledAt().equals(original.scheduledAt())).findFirst()
                    .orElseThrow();
            assertThat(copy.status()).isEqualTo(PostStatus.DRAFT);
            assertThat(copy.title()).isEqualTo(original.title());
            assertThat(copy.body()).isEqualTo(original.body());
            assertThat(copy.link()).isEqualTo(original.link());
            assertThat(copy.utmCampaign()).isEqualTo(original.utmCampaign());
            assertThat(copy.variants()).extracting(v -> v.accountId())
                    .containsExactlyInAnyOrderElementsOf(original.variants().stream().map(v -> v.accountId()).toList());
        }
        // The same file again: every row is already imported.
        MvcResult again = as(team.manager(), multipart("/publier/calendrier/import")
                .file(new MockMultipartFile("fichier", "calendrier.csv", "text/csv", csv)));
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(csvDrafts(team)).hasSize(2);
    }

    @Test
    void aBrokenFileIsReportedAndNothingIsImportedUnlessValidRowsOnlyIsTicked() throws Exception {
        Team team = fixtures.team();
        String handle = tenants.as(team.manager(), () -> publishing.targets()).stream()
                .filter(t -> t.accountId().equals(team.sandbox())).findFirst().orElseThrow().handle()
                .replaceFirst("^@", "");
        String account = "SANDBOX:@" + handle;
        String csv = "date;heure;comptes;titre;message;lien;campagne_utm;statut\n"
                + "2027-06-01;10:00;" + account + ";;Ligne valide;;;\n"
                + "2027-31-01;10:00;" + account + ";;Mauvaise date;;;\n"
                + "2027-06-02;10:00;BLUESKY:@inconnu.example;;Compte inconnu;;;\n"
                + "2027-06-03;10:00;" + account + ";;" + "x".repeat(2100) + ";;;\n"
                + "2027-06-04;10:00;" + account + ";=HYPERLINK(\"http://evil.example\");Formule;;;\n"
                + "2020-06-04;10:00;" + account + ";;Passée;pas-un-lien;;\n"
                + "2027-06-05;25h00;" + account + ";;\"Deuxième \"\"valide\"\"\n"
                + "sur deux lignes\";https://ville.example;;\n"
                + "2027-06-06;10:30;" + account + ";;Autre ligne valide;;;\n";
        MvcResult report = as(team.manager(), multipart("/publier/calendrier/import")
                .file(new MockMultipartFile("fichier", "erreurs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.getResponse().getStatus()).isEqualTo(400);
        String html = report.getResponse().getContentAsString();
        assertThat(html).contains("Date «\u00a02027-31-01\u00a0» invalide")
                .contains("Compte inconnu «\u00a0BLUESKY:@inconnu.example\u00a0»")
                .contains("Message trop long pour SANDBOX:@" + handle)
                .contains("formule de tableur")
                .contains("sont déjà passées")
                .contains("Lien «\u00a0pas-un-lien\u00a0» invalide")
                .contains("Heure «\u00a025h00\u00a0» invalide")
                .contains("Importer seulement les lignes valides");
        List<Integer> lines = lines(html);
        assertThat(lines).contains(3, 4, 5, 6, 7, 8);
        assertThat(csvDrafts(team)).isEmpty();

        MvcResult validOnly = as(team.manager(), multipart("/publier/calendrier/import")
                .file(new MockMultipartFile("fichier", "erreurs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("lignesValides", "true"));
        assertThat(validOnly.getResponse().getStatus()).isEqualTo(302);
        assertThat(validOnly.getFlashMap().get("flash")).isEqualTo("calendar.import.partial");
        assertThat(csvDrafts(team)).extracting(PostView::body)
                .containsExactlyInAnyOrder("Ligne valide", "Autre ligne valide");
        assertThat(csvDrafts(team)).extracting(PostView::scheduledAt)
                .contains(paris("2027-06-01T10:00"), paris("2027-06-06T10:30"));

        // Not a CSV of the calendar, too many rows, empty: reported, nothing imported.
        assertThat(as(team.manager(), multipart("/publier/calendrier/import").file(new MockMultipartFile("fichier",
                "x.csv", "text/csv", "nom;prenom\nDupont;Jean\n".getBytes(StandardCharsets.UTF_8)))).getResponse()
                .getContentAsString()).contains("Colonnes manquantes");
        String many = "date;heure;comptes;message\n" + ("2027-06-01;10:00;" + account + ";x\n").repeat(501);
        assertThat(as(team.manager(), multipart("/publier/calendrier/import").file(new MockMultipartFile("fichier",
                "x.csv", "text/csv", many.getBytes(StandardCharsets.UTF_8)))).getResponse().getContentAsString())
                .contains("501 lignes");
        assertThat(csvDrafts(team)).hasSize(2);
        // An élu may not import.
        assertThat(as(team.elu(), multipart("/publier/calendrier/import").file(new MockMultipartFile("fichier",
                "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aWindows1252FileIsRead() throws Exception {
        Team team = fixtures.team();
        String handle = tenants.as(team.manager(), () -> publishing.targets()).stream()
                .filter(t -> t.accountId().equals(team.sandbox())).findFirst().orElseThrow().handle();
        String csv = "date;heure;comptes;titre;message\r\n"
                + "07/07/2027;9:05;sandbox:" + handle + ";Fête;Fête de l'été à la médiathèque – entrée libre\r\n";
        MvcResult result = as(team.manager(), multipart("/publier/calendrier/import").file(new MockMultipartFile(
                "fichier", "excel.csv", "text/csv", csv.getBytes(CalendarCsv.WINDOWS_1252))));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(csvDrafts(team)).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Fête");
            assertThat(p.body()).isEqualTo("Fête de l'été à la médiathèque – entrée libre");
            assertThat(p.scheduledAt()).isEqualTo(paris("2027-07-07T09:05"));
        });
    }

    private List<PostView> csvDrafts(Team team) {
        return tenants.as(team.manager(), () -> publishing.list(PostFilter.all(), 0, 200)).stream()
                .filter(p -> "CSV".equals(p.origin())).sorted(Comparator.comparing(PostView::scheduledAt)).toList();
    }

    private static List<Integer> lines(String html) {
        Matcher matcher = Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(html);
        List<Integer> lines = new java.util.ArrayList<>();
        while (matcher.find()) {
            lines.add(Integer.parseInt(matcher.group(1)));
        }
        return lines;
    }

    private static CalendarDay day(CalendarPage page, String date) {
        return page.weeks().stream().flatMap(List::stream).filter(d -> d.date().equals(LocalDate.parse(date)))
                .findFirst().orElseThrow();
    }

    private static List<UUID> ids(CalendarDay day) {
        return ids(day.entries());
    }

    private static List<UUID> ids(List<CalendarEntry> entries) {
        return entries.stream().map(e -> e.post().id()).toList();
    }
}

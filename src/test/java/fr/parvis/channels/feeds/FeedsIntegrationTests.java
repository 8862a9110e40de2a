package fr.parvis.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.jobs.FeedJobs;
import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.test.WebSession;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * RSS/Atom sources end to end, against a JDK HTTP server on 127.0.0.1 (allow-listed here):
 * subscription and its refusals, reading with deduplication and conditional GET, a broken feed
 * recorded on its source without stopping the others, backoff, the API and the pages.
 */
@IntegrationTest
@Import(FeedsIntegrationTests.Events.class)
@TestPropertySource(properties = {"parvis.outbound.allowed-private-hosts=127.0.0.1",
        "parvis.feeds.max-sources-per-collectivite=4", "parvis.feeds.timeout=3s", "db-scheduler.enabled=false"})
class FeedsIntegrationTests {

    @TestConfiguration
    static class Events {

        @Bean
        Discovered discovered() {
            return new Discovered();
        }
    }

    /** Collects the FeedItemDiscovered events. */
    static class Discovered {

        final List<FeedItemDiscovered> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FeedItemDiscovered event) {
            received.add(event);
        }
    }

    @Autowired
    TestTenants tenants;

    @Autowired
    FeedSourceManagement feeds;

    @Autowired
    FeedJobs jobs;

    @Autowired
    AuditTrail audit;

    @Autowired
    Discovered discovered;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    FeedServer server;
    Tenant commune;

    @BeforeEach
    void setUp() throws IOException {
        server = new FeedServer();
        commune = tenants.commune();
        discovered.received.clear();
    }

    @AfterEach
    void tearDown() {
        server.close();
        clock.reset();
    }

    FeedSourceView subscribe(String path) {
        return tenants.as(commune.admin(), () -> feeds.subscribe(server.url(path), FeedKind.CITY_NEWS, "Actualités"));
    }

    FeedFetchReport fetch(FeedSourceView source) {
        return tenants.as(commune.admin(), () -> feeds.fetchNow(source.id()));
    }

    FeedSourceView reload(FeedSourceView source) {
        return tenants.as(commune.admin(), () -> feeds.get(source.id()));
    }

    @Test
    void readingStoresNewItemsOnceAndUsesConditionalGet() {
        AtomicReference<String> body = new AtomicReference<>(FeedServer.rss("Ville de Démo",
                FeedServer.item("1", "Conseil municipal", "https://www.ville.example/conseil", "<p>Ordre du jour</p>",
                        "Mon, 23 Nov 2026 18:00:00 GMT"),
                FeedServer.item("2", "Marché de Noël", "https://www.ville.example/marche", null,
                        "Tue, 24 Nov 2026 09:00:00 GMT")));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        server.on("/news", exchange -> {
            if (etag.get().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag.get());
            FeedServer.send(exchange, 200, body.get().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        });

        FeedSourceView source = subscribe("/news");
        assertThat(source.status()).isEqualTo(FeedStatus.ACTIVE);
        assertThat(source.itemCount()).isZero();
        assertThat(tenants.as(commune.admin(), () -> audit.search(new AuditQuery("channels.feed.subscribed", null, null,
                null, null, 0, 10)).entries())).hasSize(1);

        assertThat(fetch(source)).isEqualTo(FeedFetchReport.ok(2, false));
        FeedSourceView read = reload(source);
        assertThat(read.title()).isEqualTo("Ville de Démo");
        assertThat(read.itemCount()).isEqualTo(2);
        assertThat(read.lastFetchAt()).isCloseTo(clock.instant(), within(5, ChronoUnit.SECONDS));
        assertThat(read.nextFetchAt()).isEqualTo(read.lastFetchAt().plus(Duration.ofMinutes(30)));
        assertThat(discovered.received).extracting(FeedItemDiscovered::title)
                .containsExactlyInAnyOrder("Conseil municipal", "Marché de Noël");
        assertThat(discovered.received).allSatisfy(e -> {
            assertThat(e.collectiviteId()).isEqualTo(commune.id());
            assertThat(e.sourceId()).isEqualTo(source.id());
        });

        // Nothing changed: the server sees the ETag and answers 304; nothing is stored.
        clock.advance(Duration.ofMinutes(31));
        assertThat(fetch(source)).isEqualTo(FeedFetchReport.ok(0, true));
        assertThat(server.requests("/news")).last().extracting(s -> s.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(reload(source).itemCount()).isEqualTo(2);
        assertThat(reload(source).lastFetchAt()).isCloseTo(clock.instant(), within(5, ChronoUnit.SECONDS))
                .isAfter(read.lastFetchAt().plus(Duration.ofMinutes(30)));

        // A new version: an edited item (same guid), a new one, one with a new guid but a known link.
        etag.set("\"v2\"");
        body.set(FeedServer.rss("Ville de Démo",
                FeedServer.item("1", "Conseil municipal (modifié)", "https://www.ville.example/conseil", null, null),
                FeedServer.item("2bis", "Marché de Noël", "https://www.ville.example/marche", null, null),
                FeedServer.item("3", "Collecte des sapins", "https://www.ville.example/sapins", null,
                        "Wed, 25 Nov 2026 09:00:00 GMT")));
        discovered.received.clear();
        assertThat(fetch(source).newItems()).isEqualTo(1);
        assertThat(discovered.received).extracting(FeedItemDiscovered::title).containsExactly("Collecte des sapins");
        assertThat(reload(source).itemCount()).isEqualTo(3);

        FeedItemPage page = tenants.as(commune.admin(), () -> feeds.items(source.id(), 0, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.items()).extracting(FeedItemView::title).containsExactly("Collecte des sapins",
                "Marché de Noël");
        assertThat(page.items().get(1).summary()).isNull();
        assertThat(tenants.as(commune.admin(), () -> feeds.items(source.id(), 1, 2)).items())
                .extracting(FeedItemView::summary).containsExactly("Ordre du jour");
    }

    @Test
    void aBrokenFeedIsRecordedOnItsSourceAndTheOthersAreStillRead() {
        server.serve("/broken", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Oups</channel></rss>");
        server.serve("/good", FeedServer.rss("Presse locale", FeedServer.item("p1", "Le pont rouvre", null, null,
                null)));
        FeedSourceView broken = subscribe("/broken");
        FeedSourceView good = subscribe("/good");

        jobs.pollDue();

        LocaleContextHolder.setLocale(Locale.FRENCH);
        FeedSourceView failing = reload(broken);
        LocaleContextHolder.resetLocaleContext();
        assertThat(failing.status()).isEqualTo(FeedStatus.ERROR);
        assertThat(failing.lastErrorKey()).isEqualTo("feeds.error.invalidXml");
        assertThat(failing.lastError()).startsWith("Le flux n'est pas un document XML valide (ligne 2\u00a0: The element");
        assertThat(failing.consecutiveFailures()).isEqualTo(1);
        assertThat(failing.nextFetchAt()).isEqualTo(failing.lastFetchAt().plus(Duration.ofMinutes(30)));
        assertThat(reload(good).status()).isEqualTo(FeedStatus.ACTIVE);
        assertThat(reload(good).itemCount()).isEqualTo(1);

        // Not due again before its backoff; then the delay doubles.
        jobs.pollDue();
        assertThat(server.requests("/broken")).hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        jobs.pollDue();
        assertThat(reload(broken).consecutiveFailures()).isEqualTo(2);
        assertThat(reload(broken).nextFetchAt()).isEqualTo(reload(broken).lastFetchAt().plus(Duration.ofMinutes(60)));

        // A 30 MB answer: reading stops at the limit, the source is in error, nothing is stored.
        server.on("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (var out = exchange.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel><title>Énorme</title>".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 480; i++) {
                    out.write(chunk);
                }
                out.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
            }
        });
        FeedSourceView huge = subscribe("/huge");
        FeedFetchReport tooLarge = fetch(huge);
        assertThat(tooLarge.errorKey()).isEqualTo("feeds.error.tooLarge");
        assertThat(reload(huge).status()).isEqualTo(FeedStatus.ERROR);
        assertThat(reload(huge).title()).isNull();
        assertThat(reload(huge).itemCount()).isZero();

        // Fixed: back to normal, error cleared.
        server.serve("/broken", FeedServer.rss("Réparé", FeedServer.item("r1", "Enfin", null, null, null)));
        assertThat(fetch(broken).failed()).isFalse();
        FeedSourceView fixed = reload(broken);
        assertThat(fixed.status()).isEqualTo(FeedStatus.ACTIVE);
        assertThat(fixed.lastError()).isNull();
        assertThat(fixed.consecutiveFailures()).isZero();
    }

    @Test
    void subscriptionsAreCheckedAndBounded() {
        Agent admin = commune.admin();
        assertThatThrownBy(() -> tenants.as(admin, () -> feeds.subscribe("http://10.1.2.3/rss", null, null)))
                .isInstanceOfSatisfying(UnsafeUrlException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("outbound.private");
                    assertThat(e.field()).isEqualTo("url");
                });
        assertThatThrownBy(() -> tenants.as(admin, () -> feeds.subscribe("ftp://www.ville.example/rss", null, null)))
                .isInstanceOfSatisfying(UnsafeUrlException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("outbound.scheme"));
        assertThatThrownBy(() -> tenants.as(admin, () -> feeds.subscribe("https://93.184.215.14/"
                + "a".repeat(2000), null, null))).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> tenants.as(admin, () -> feeds.subscribe("https://jean:secret@93.184.215.14/rss",
                null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("feeds.url.userInfo"));

        subscribe("/one");
        assertThatThrownBy(() -> tenants.as(admin, () -> feeds.subscribe(server.url("/one").replace("http:", "HTTP:")
                + "#haut", null, null))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("feeds.duplicate"));
        subscribe("/two");
        subscribe("/three");
        subscribe("/four");
        assertThatThrownBy(() -> subscribe("/five")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("feeds.tooMany"));

        Agent reader = tenants.member(commune, Role.READ_ONLY);
        assertThat(tenants.as(reader, feeds::list)).hasSize(4);
        assertThatThrownBy(() -> tenants.as(reader, () -> feeds.subscribe(server.url("/six"), null, null)))
                .isInstanceOf(AccessDeniedException.class);

        Tenant other = tenants.commune();
        assertThat(tenants.as(other.admin(), feeds::list)).isEmpty();
        FeedSourceView mine = tenants.as(admin, feeds::list).get(0);
        assertThatThrownBy(() -> tenants.as(other.admin(), () -> feeds.get(mine.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theApiSubscribesReadsPagesPausesAndDeletes() throws Exception {
        server.serve("/api", FeedServer.rss("API", FeedServer.item("1", "Un", null, null, null),
                FeedServer.item("2", "Deux", null, null, null), FeedServer.item("3", "Trois", null, null, null)));
        Agent admin = commune.admin();

        MvcResult created = mvc.perform(json(post("/api/v1/feeds"), admin, "{\"url\": \"" + server.url("/api")
                + "\", \"kind\": \"PREFECTURE\", \"label\": \"Préfecture\"}")).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");
        assertThat(created.getResponse().getContentAsString()).contains("\"kind\":\"PREFECTURE\"", "\"status\":\"ACTIVE\"");

        MvcResult duplicate = mvc.perform(json(post("/api/v1/feeds"), admin, "{\"url\": \"" + server.url("/api")
                + "\"}")).andReturn();
        assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
        assertThat(duplicate.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(duplicate.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("suit déjà ce flux");

        MvcResult internal = mvc.perform(json(post("/api/v1/feeds"), admin, "{\"url\": \"http://10.0.0.7/rss\"}"))
                .andReturn();
        assertThat(internal.getResponse().getStatus()).isEqualTo(400);
        assertThat(internal.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"url\"",
                "réseau interne");
        MvcResult blank = mvc.perform(json(post("/api/v1/feeds"), admin, "{\"url\": \" \"}")).andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);

        MvcResult fetched = mvc.perform(json(post("/api/v1/feeds/" + id + "/fetch"), admin, "")).andReturn();
        assertThat(fetched.getResponse().getContentAsString()).contains("\"newItems\":3");
        MvcResult items = mvc.perform(get("/api/v1/feeds/" + id + "/items").param("size", "2")
                .with(authentication(tenants.authentication(admin)))).andReturn();
        assertThat(items.getResponse().getContentAsString()).contains("\"total\":3", "\"totalPages\":2", "\"size\":2");
        assertThat(mvc.perform(get("/api/v1/feeds/" + id + "/items").param("size", "1000")
                .with(authentication(tenants.authentication(admin)))).andReturn().getResponse().getStatus())
                .isEqualTo(400);

        MvcResult paused = mvc.perform(json(patch("/api/v1/feeds/" + id), admin, "{\"status\": \"PAUSED\", "
                + "\"label\": \"Préfecture du Rhône\"}")).andReturn();
        assertThat(paused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"PAUSED\"",
                "Préfecture du Rhône");
        assertThat(mvc.perform(json(post("/api/v1/feeds/" + id + "/fetch"), admin, "")).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/feeds").with(authentication(tenants.authentication(admin)))).andReturn()
                .getResponse().getContentAsString()).contains(id);

        assertThat(mvc.perform(json(delete("/api/v1/feeds/" + id), admin, "")).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        assertThat(mvc.perform(get("/api/v1/feeds/" + id).with(authentication(tenants.authentication(admin))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(tenants.as(admin, () -> audit.search(new AuditQuery("channels.feed.deleted", null, null, null, null,
                0, 10)).entries())).hasSize(1);
    }

    @Test
    void thePagesShowErrorsNextToTheFieldsAndTheSourceState() throws Exception {
        WebSession browser = new WebSession(mvc);
        browser.login(commune.admin().email(), TestTenants.PASSWORD);

        MvcResult empty = browser.perform(post("/parametres/sources").param("url", "").param("kind", "CITY_NEWS")
                .with(csrf()));
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        String page = empty.getResponse().getContentAsString();
        assertThat(page).contains("Le formulaire contient des erreurs", "href=\"#feed-url\"",
                "id=\"feed-url-error\"", "aria-describedby=\"feed-url-hint feed-url-error\"", "aria-invalid=\"true\"");

        String internal = browser.perform(post("/parametres/sources").param("url", "http://10.0.0.1/rss")
                .param("kind", "LOCAL_PRESS").param("label", "Presse").with(csrf())).getResponse().getContentAsString();
        assertThat(internal).contains("cette adresse désigne le serveur lui-même ou un réseau interne",
                "value=\"http://10.0.0.1/rss\"", "value=\"Presse\"");

        String badKind = browser.perform(post("/parametres/sources").param("url", server.url("/x"))
                .param("kind", "PIRATE").with(csrf())).getResponse().getContentAsString();
        assertThat(badKind).contains("Choisissez un type de source dans la liste.", "id=\"feed-kind-error\"");

        server.serve("/page", "<rss version=\"2.0\"><channel><title>Cassé</title><item></channel></rss>");
        MvcResult added = browser.perform(post("/parametres/sources").param("url", server.url("/page"))
                .param("kind", "CITY_NEWS").with(csrf()));
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        String detail = added.getResponse().getRedirectedUrl();
        browser.perform(post(detail + "/lecture").with(csrf()));
        String shown = browser.perform(get(detail)).getResponse().getContentAsString();
        assertThat(shown).contains("en erreur", "Le flux n&#39;est pas un document XML valide", "Supprimer la source",
                "data-confirm=");
        String list = browser.perform(get("/parametres/sources")).getResponse().getContentAsString();
        assertThat(list).contains("Sources (RSS/Atom)", server.url("/page"), "en erreur");

        server.serve("/page", FeedServer.rss("Réparée", FeedServer.item("ok", "Réunion &amp; &lt;b&gt;débat&lt;/b&gt;",
                "https://www.ville.example/reunion", "<p>Salle <b>des fêtes</b></p>", null),
                FeedServer.item("js", "Piège", "javascript:alert(document.cookie)", null, null)));
        browser.perform(post(detail + "/lecture").with(csrf()));
        String items = browser.perform(get(detail)).getResponse().getContentAsString();
        assertThat(items).contains("lue régulièrement", "href=\"https://www.ville.example/reunion\"",
                "Réunion &amp; débat", "Salle des fêtes", "Piège").doesNotContain("javascript:alert");

        String deleted = browser.perform(post(detail + "/suppression").with(csrf())).getResponse().getRedirectedUrl();
        assertThat(deleted).isEqualTo("/parametres/sources");
        assertThat(browser.perform(get(detail)).getResponse().getStatus()).isEqualTo(404);
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Agent agent, String body) {
        request.with(authentication(tenants.authentication(agent))).with(csrf());
        return body.isEmpty() ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}

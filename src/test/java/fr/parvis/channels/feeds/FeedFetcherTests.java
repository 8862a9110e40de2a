package fr.parvis.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.feeds.fetch.FeedFetchException;
import fr.parvis.channels.feeds.fetch.FeedFetcher;
import fr.parvis.channels.feeds.fetch.FetchResult;
import fr.parvis.channels.feeds.fetch.ParsedFeed;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.OutboundProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP reading and parsing of feeds against a JDK HTTP server on loopback: RSS 2.0 and Atom
 * 1.0, conditional GET, redirects (checked on every hop), private addresses refused, size and time
 * limits, encodings, malformed documents, bounded item count.
 */
class FeedFetcherTests {

    FeedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static FeedsProperties properties(int maxItems, Duration timeout) {
        return new FeedsProperties(Duration.ofMinutes(30), Duration.ofHours(24), DataSize.ofMegabytes(5), maxItems, 50,
                5, timeout, 50);
    }

    static FeedFetcher fetcher(List<String> allowed, FeedsProperties properties) {
        return new FeedFetcher(new OutboundGuard(new OutboundProperties(allowed, Duration.ofSeconds(2),
                Duration.ofSeconds(10))), properties);
    }

    FeedFetcher fetcher() {
        return fetcher(List.of("127.0.0.1"), properties(100, Duration.ofSeconds(5)));
    }

    ParsedFeed read(String path) {
        FetchResult result = fetcher().fetch(URI.create(server.url(path)), null, null);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).feed();
    }

    static FeedFetchException failure(Runnable fetch) {
        try {
            fetch.run();
        } catch (FeedFetchException e) {
            return e;
        }
        throw new AssertionError("the reading should have failed");
    }

    @Test
    void readsAnRss2FeedAsPlainBoundedText() {
        server.serve("/rss", FeedServer.rss("Ville &amp; Co",
                FeedServer.item("a-1", "Fête de la musique", "https://www.ville.example/fete",
                        "<p>Concerts <b>gratuits</b> &amp; buvette</p><script>alert(1)</script>",
                        "Sun, 21 Jun 2026 18:00:00 +0200"),
                FeedServer.item(null, "Travaux", "https://www.ville.example/travaux", "x".repeat(5000), null),
                FeedServer.item("a-3", "Lien piégé", "javascript:alert(1)", null, null)));

        ParsedFeed feed = read("/rss");

        assertThat(feed.title()).isEqualTo("Ville & Co");
        assertThat(feed.items()).hasSize(3);
        ParsedFeed.Item fete = feed.items().get(0);
        assertThat(fete.guid()).isEqualTo("a-1");
        assertThat(fete.dedupKey()).isEqualTo("guid:a-1");
        assertThat(fete.title()).isEqualTo("Fête de la musique");
        assertThat(fete.link()).isEqualTo("https://www.ville.example/fete");
        assertThat(fete.summary()).isEqualTo("Concerts gratuits & buvette").doesNotContain("<", "alert");
        assertThat(fete.publishedAt()).isEqualTo(Instant.parse("2026-06-21T16:00:00Z"));
        ParsedFeed.Item travaux = feed.items().stream().filter(i -> "Travaux".equals(i.title())).findFirst().orElseThrow();
        assertThat(travaux.summary()).hasSize(1000).endsWith("…");
        ParsedFeed.Item piege = feed.items().stream().filter(i -> "Lien piégé".equals(i.title())).findFirst().orElseThrow();
        assertThat(piege.link()).as("only http(s) links are kept").isNull();
    }

    @Test
    void readsAnAtom1Feed() {
        server.serve("/atom", ("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Préfecture du Rhône</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
                  <updated>2026-11-20T10:00:00Z</updated>
                  <entry>
                    <title type="html">Alerte &lt;em&gt;météo&lt;/em&gt; orange</title>
                    <link rel="alternate" href="https://www.rhone.gouv.example/alerte"/>
                    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                    <updated>2026-11-20T09:30:00Z</updated>
                    <author><name>Service communication</name></author>
                    <summary>Vents violents attendus.</summary>
                  </entry>
                </feed>
                """).getBytes(StandardCharsets.UTF_8), "application/atom+xml");

        ParsedFeed feed = read("/atom");

        assertThat(feed.title()).isEqualTo("Préfecture du Rhône");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
            assertThat(item.title()).isEqualTo("Alerte météo orange");
            assertThat(item.link()).isEqualTo("https://www.rhone.gouv.example/alerte");
            assertThat(item.summary()).isEqualTo("Vents violents attendus.");
            assertThat(item.author()).isEqualTo("Service communication");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        });
    }

    @Test
    void conditionalGetSendsTheValidatorsAndHandles304() {
        byte[] body = FeedServer.rss("Ville", FeedServer.item("1", "Un", null, null, null))
                .getBytes(StandardCharsets.UTF_8);
        server.on("/cond", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Sat, 28 Nov 2026 10:00:00 GMT");
            FeedServer.send(exchange, 200, body, "application/rss+xml");
        });

        FetchResult first = fetcher().fetch(URI.create(server.url("/cond")), null, null);
        assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.etag()).isEqualTo("\"v1\"");
            assertThat(f.lastModified()).isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
        });
        assertThat(server.requests("/cond").get(0).header("If-None-Match")).isNull();

        FetchResult second = fetcher().fetch(URI.create(server.url("/cond")), "\"v1\"",
                "Sat, 28 Nov 2026 10:00:00 GMT");
        assertThat(second).isEqualTo(new FetchResult.NotModified("\"v1\"", "Sat, 28 Nov 2026 10:00:00 GMT"));
        FeedServer.Seen seen = server.requests("/cond").get(1);
        assertThat(seen.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(seen.header("If-Modified-Since")).isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
    }

    @Test
    void redirectsAreFollowedAndEachHopIsChecked() {
        server.serve("/final", FeedServer.rss("Arrivée", FeedServer.item("1", "Un", null, null, null)));
        server.redirect("/r1", server.url("/r2"));
        server.redirect("/r2", "/final");
        assertThat(read("/r1").title()).isEqualTo("Arrivée");

        server.redirect("/to-private", "http://10.0.0.1/feed");
        FeedFetchException refused = failure(() -> fetcher().fetch(URI.create(server.url("/to-private")), null, null));
        assertThat(refused.messageKey()).isEqualTo("feeds.error.redirectRefused");
        assertThat(refused.arguments()).containsExactly("10.0.0.1");

        server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        assertThat(failure(() -> fetcher().fetch(URI.create(server.url("/to-metadata")), null, null)).messageKey())
                .isEqualTo("feeds.error.redirectRefused");

        for (int i = 0; i < 7; i++) {
            server.redirect("/loop" + i, "/loop" + (i + 1));
        }
        server.serve("/loop7", FeedServer.rss("Trop loin"));
        FeedFetchException tooMany = failure(() -> fetcher().fetch(URI.create(server.url("/loop0")), null, null));
        assertThat(tooMany.messageKey()).isEqualTo("feeds.error.tooManyRedirects");
        assertThat(server.requests("/loop6")).as("no request after the 5th redirect").isEmpty();
    }

    @Test
    void privateAddressesAreRefusedWithoutTheAllowList() {
        FeedFetcher strict = fetcher(List.of(), properties(100, Duration.ofSeconds(5)));
        server.serve("/rss", FeedServer.rss("Locale"));
        assertThat(failure(() -> strict.fetch(URI.create(server.url("/rss")), null, null)).messageKey())
                .isEqualTo("outbound.private");
        assertThat(failure(() -> strict.fetch(URI.create("http://10.20.30.40/rss"), null, null)).messageKey())
                .isEqualTo("outbound.private");
        assertThat(server.requests("/rss")).as("the loopback server was never called").isEmpty();
    }

    @Test
    void aThirtyMegabyteFeedIsRefusedAndReadingStopsAtTheLimit() {
        long thirtyMegabytes = 30L * 1024 * 1024;
        server.on("/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
            byte[] chunk = ("<item><title>" + "x".repeat(8000) + "</title></item>").getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                while (server.streamed.get() < thirtyMegabytes) {
                    out.write(chunk);
                    server.streamed.addAndGet(chunk.length);
                }
                out.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
            }
        });
        FeedFetchException e = failure(() -> fetcher().fetch(URI.create(server.url("/huge")), null, null));
        assertThat(e.messageKey()).isEqualTo("feeds.error.tooLarge");
        assertThat(e.arguments()).containsExactly("5");
        assertThat(server.streamed.get()).as("the client stopped reading well before 30 MB")
                .isLessThan(thirtyMegabytes);

        server.on("/declared", exchange -> {
            exchange.sendResponseHeaders(200, thirtyMegabytes);
            exchange.getResponseBody().write(new byte[1024]);
        });
        assertThat(failure(() -> fetcher().fetch(URI.create(server.url("/declared")), null, null)).messageKey())
                .isEqualTo("feeds.error.tooLarge");
    }

    @Test
    void aSlowServerTimesOut() {
        server.on("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(exchange, 200, FeedServer.rss("Lent").getBytes(StandardCharsets.UTF_8), "text/xml");
        });
        FeedFetcher impatient = fetcher(List.of("127.0.0.1"), properties(100, Duration.ofSeconds(1)));
        long start = System.nanoTime();
        FeedFetchException e = failure(() -> impatient.fetch(URI.create(server.url("/slow")), null, null));
        assertThat(e.messageKey()).isEqualTo("feeds.error.timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void declaredIso88591IsReadCorrectly() {
        String xml = FeedServer.rss("Mairie de Saint-Étienne", FeedServer.item("1", "Fête de l’été à Noël",
                "https://www.ville.example/fete", "Crème brûlée offerte", null))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        server.serve("/latin1", xml.getBytes(Charset.forName("windows-1252")), "application/rss+xml");
        ParsedFeed feed = read("/latin1");
        assertThat(feed.title()).isEqualTo("Mairie de Saint-Étienne");
        assertThat(feed.items().get(0).title()).as("0x92 is read as in browsers (Windows-1252)")
                .isEqualTo("Fête de l’été à Noël");
        assertThat(feed.items().get(0).summary()).isEqualTo("Crème brûlée offerte");
    }

    @Test
    void nonUtf8BytesWithoutOrWithAWrongDeclarationAreReadAsWindows1252() {
        String undeclared = FeedServer.rss("Comité des fêtes", FeedServer.item("1", "Année réussie", null, null, null))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        server.serve("/undeclared", undeclared.getBytes(StandardCharsets.ISO_8859_1), "text/xml");
        ParsedFeed feed = read("/undeclared");
        assertThat(feed.title()).isEqualTo("Comité des fêtes");
        assertThat(feed.charset()).isEqualTo("windows-1252");

        String wrong = FeedServer.rss("Comité des fêtes", FeedServer.item("1", "Année réussie", null, null, null));
        server.serve("/wrong", wrong.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml; charset=utf-8");
        assertThat(read("/wrong").items().get(0).title()).isEqualTo("Année réussie");

        String unknown = FeedServer.rss("X").replace("encoding=\"UTF-8\"", "encoding=\"x-martien\"");
        server.serve("/unknown", unknown.getBytes(StandardCharsets.UTF_8), "text/xml");
        FeedFetchException e = failure(() -> fetcher().fetch(URI.create(server.url("/unknown")), null, null));
        assertThat(e.messageKey()).isEqualTo("feeds.error.charset");
        assertThat(e.arguments()).containsExactly("x-martien");
    }

    @Test
    void malformedDocumentsAreClearErrors() {
        server.serve("/broken", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>Oups</channel></rss>");
        FeedFetchException broken = failure(() -> fetcher().fetch(URI.create(server.url("/broken")), null, null));
        assertThat(broken.messageKey()).isEqualTo("feeds.error.invalidXml");
        assertThat(broken.arguments().get(0)).isEqualTo("3");

        server.serve("/html", "<html><body><p>Bienvenue</p></body></html>");
        assertThat(failure(() -> fetcher().fetch(URI.create(server.url("/html")), null, null)).messageKey())
                .isEqualTo("feeds.error.notAFeed");

        server.serve("/xxe", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        assertThat(failure(() -> fetcher().fetch(URI.create(server.url("/xxe")), null, null)).messageKey())
                .as("DOCTYPEs are refused").isEqualTo("feeds.error.invalidXml");

        server.on("/missing", exchange -> FeedServer.send(exchange, 404,
                ("<html><body>" + "Page introuvable. ".repeat(20_000) + "</body></html>").getBytes(StandardCharsets.UTF_8),
                "text/html"));
        FeedFetchException missing = failure(() -> fetcher().fetch(URI.create(server.url("/missing")), null, null));
        assertThat(missing.messageKey()).as("a large error page is not read").isEqualTo("feeds.error.http");
        assertThat(missing.arguments()).containsExactly("404");

        server.on("/gone", exchange -> exchange.sendResponseHeaders(410, -1));
        FeedFetchException gone = failure(() -> fetcher().fetch(URI.create(server.url("/gone")), null, null));
        assertThat(gone.messageKey()).isEqualTo("feeds.error.http");
        assertThat(gone.arguments()).containsExactly("410");
    }

    @Test
    void onlyTheNewestItemsAreKept() {
        StringBuilder items = new StringBuilder();
        for (int day = 1; day <= 25; day++) {
            items.append(FeedServer.item("n" + day, "Article " + day, null, null,
                    String.format("%s, %02d Nov 2026 08:00:00 GMT", "Sun", day).replace("Sun, ", "")));
        }
        server.serve("/many", FeedServer.rss("Beaucoup", items.toString()));
        FeedFetcher bounded = fetcher(List.of("127.0.0.1"), properties(10, Duration.ofSeconds(5)));
        ParsedFeed feed = ((FetchResult.Fetched) bounded.fetch(URI.create(server.url("/many")), null, null)).feed();
        assertThat(feed.totalItems()).isEqualTo(25);
        assertThat(feed.items()).hasSize(10).first().extracting(ParsedFeed.Item::title).isEqualTo("Article 25");
        assertThat(feed.items()).last().extracting(ParsedFeed.Item::title).isEqualTo("Article 16");
    }
}

package fr.parvis.channels.feeds;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A JDK HTTP server on 127.0.0.1 serving programmable feeds, recording the requests it receives. */
public final class FeedServer implements AutoCloseable {

    /** What a path answers. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A request as the server saw it. */
    public record Seen(String path, Headers headers) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Bytes written by streaming handlers before the client stopped reading. */
    public final AtomicLong streamed = new AtomicLong();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.add(new Seen(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
                Handler handler = routes.get(exchange.getRequestURI().getPath());
                if (handler == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                handler.handle(exchange);
            } catch (IOException e) {
                // the client stopped reading (size limit, timeout): nothing to do
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FeedServer on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code body} with a content type, and optional validators. */
    public FeedServer serve(String path, byte[] body, String contentType) {
        return on(path, exchange -> send(exchange, 200, body, contentType));
    }

    public FeedServer serve(String path, String body) {
        return serve(path, body.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8");
    }

    public FeedServer redirect(String path, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    public List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    public static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** An RSS 2.0 document with the given items (guid, title, link, description). */
    public static String rss(String title, String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>" + title + "</title><link>https://www.ville.example/</link><description>Actualités</description>");
        for (String item : items) {
            xml.append(item);
        }
        return xml.append("</channel></rss>").toString();
    }

    public static String item(String guid, String title, String link, String description, String date) {
        return "<item>" + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (description == null ? "" : "<description><![CDATA[" + description + "]]></description>")
                + (date == null ? "" : "<pubDate>" + date + "</pubDate>") + "</item>";
    }
}

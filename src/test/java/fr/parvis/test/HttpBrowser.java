package fr.parvis.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over real HTTP (java.net.http): keeps cookies, does not follow redirects by
 * itself, reads the CSRF token of the last page. For tests that need a real server (error pages,
 * sessions across nodes, OpenID Connect).
 */
public class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private String lastCsrf;

    public HttpBrowser(String base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    public HttpBrowser(String base, CookieManager cookies) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET()
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            lastCsrf = matcher.group(1);
        }
        return response;
    }

    /** Follows redirects (GET) from a response, up to 10 hops; returns the final response. */
    public HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < 10 && current.statusCode() / 100 == 3; hop++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(current.uri().resolve(location).toString());
        }
        return current;
    }

    /** Posts a form with the CSRF token of the last page read (if {@code withCsrf}). */
    public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (withCsrf && lastCsrf != null) {
            fields.put("_csrf", lastCsrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page and logs in; returns the response to the login form. */
    public HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        get("/connexion");
        return post("/connexion", Map.of("email", email, "password", password), true);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }
}

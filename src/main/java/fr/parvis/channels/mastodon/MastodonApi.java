package fr.parvis.channels.mastodon;

import fr.parvis.channels.net.JsonFields;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the Mastodon connector: requests on {@code java.net.http} with Parvis's timeouts
 * and no redirect followed, the bearer token, JSON answers, {@code Link} paging, {@code X-RateLimit-*}
 * headers, and the mapping of every failure to a {@link ConnectorException} kind.
 */
final class MastodonApi {

    /** How a request may be repeated, which decides what a timeout means. */
    enum Safety {
        /** A read or an idempotent change: a timeout means "try again later". */
        RETRYABLE,
        /** A publication: a timeout means "it may have happened". */
        PUBLICATION
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";,]+)\"?");
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final OutboundGuard guard;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final MastodonRateLimits rateLimits;

    MastodonApi(OutboundGuard guard, JsonMapper json, Clock clock, MastodonRateLimits rateLimits) {
        this.guard = guard;
        this.http = guard.client();
        this.json = json;
        this.clock = clock;
        this.rateLimits = rateLimits;
    }

    /** An answer in the 2xx range. */
    record Answer(int status, HttpHeaders headers, String body, JsonMapper mapper) {

        JsonNode json() {
            try {
                JsonNode node = mapper.readTree(body == null ? "" : body);
                if (node == null || node.isMissingNode()) {
                    throw malformed(null);
                }
                return node;
            } catch (JacksonException e) {
                throw malformed(e);
            }
        }

        /** The {@code Link} header's targets by relation ({@code next}, {@code prev}). */
        Map<String, URI> links() {
            Map<String, URI> links = new LinkedHashMap<>();
            for (String header : headers.allValues("Link")) {
                Matcher matcher = LINK.matcher(header);
                while (matcher.find()) {
                    Matcher rel = REL.matcher(matcher.group(2));
                    if (rel.find()) {
                        try {
                            for (String name : rel.group(1).trim().split("\\s+")) {
                                links.putIfAbsent(name.toLowerCase(Locale.ROOT), URI.create(matcher.group(1).trim()));
                            }
                        } catch (IllegalArgumentException e) {
                            // an unreadable target is ignored: paging falls back on the ids
                        }
                    }
                }
            }
            return links;
        }
    }

    // ---- Requests -------------------------------------------------------------------------------

    Answer get(AccountContext account, String path) {
        return send(account, request(account, path).GET(), Safety.RETRYABLE);
    }

    Answer delete(AccountContext account, String path) {
        return send(account, request(account, path).DELETE(), Safety.RETRYABLE);
    }

    Answer postJson(AccountContext account, String path, Object body, Map<String, String> headers, Safety safety) {
        HttpRequest.Builder builder = request(account, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(account, builder, safety);
    }

    Answer postForm(AccountContext account, String path, Map<String, List<String>> form) {
        return send(account, request(account, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))), Safety.RETRYABLE);
    }

    Answer postMultipart(AccountContext account, String path, Multipart multipart) {
        return send(account, request(account, path).header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())), Safety.RETRYABLE);
    }

    /**
     * A {@code multipart/form-data} upload whose file is streamed from {@code source} (a video: its
     * bytes are never all in memory), with its own timeout.
     */
    Answer postMultipartStream(AccountContext account, String path, Multipart fields, String name, String filename,
            String mediaType, long size, fr.parvis.channels.spi.VideoAttachment.Source source,
            java.time.Duration timeout) {
        byte[] head = fields.headOfFile(name, filename, mediaType);
        byte[] tail = fields.tailAfterFile();
        HttpRequest.BodyPublisher file = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return source.open();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head), file, HttpRequest.BodyPublishers.ofByteArray(tail)),
                head.length + size + tail.length);
        return send(account, request(account, path).timeout(timeout).header("Content-Type", fields.contentType())
                .POST(body), Safety.RETRYABLE);
    }

    /** A request without a user token, to an instance the caller has already checked (connection). */
    Answer anonymous(HttpRequest.Builder builder) {
        return send(null, builder.timeout(guard.readTimeout()), Safety.RETRYABLE);
    }

    /** A streaming request: its timeout covers the wait for the headers only. */
    HttpResponse<InputStream> stream(AccountContext account, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(guard.readTimeout())
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("Accept", "text/event-stream").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw transport(e, Safety.RETRYABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable(e);
        }
    }

    HttpRequest.Builder request(AccountContext account, String path) {
        URI base = base(account);
        return HttpRequest.newBuilder(base.resolve(path)).timeout(guard.readTimeout())
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("Accept", "application/json");
    }

    /** The account's instance, checked again on every call (its address may have changed since). */
    URI base(AccountContext account) {
        URI base = account.baseUrl();
        if (base == null) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "mastodon.noServer");
        }
        try {
            guard.check(base, "server");
        } catch (UnsafeUrlException e) {
            if (e.messageKey().equals("outbound.unknownHost")) {
                throw new ConnectorException(Kind.UNAVAILABLE, "mastodon.unreachable", null, e, base.getHost());
            }
            throw new ConnectorException(Kind.INVALID_REQUEST, e.messageKey(), null, e, e.arguments());
        }
        return base;
    }

    Answer send(AccountContext account, HttpRequest.Builder builder, Safety safety) {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw transport(e, safety);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable(e);
        }
        rateLimit(response.headers()).ifPresent(state -> {
            if (account != null) {
                rateLimits.record(account.accountId(), state);
            }
        });
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.headers(), response.body(), json);
        }
        throw failure(status, response.headers(), response.body(), safety);
    }

    // ---- Failures -------------------------------------------------------------------------------

    ConnectorException failure(int status, HttpHeaders headers, String body, Safety safety) {
        String error = errorText(body).orElse("HTTP " + status);
        if (status == 401) {
            return ConnectorException.of(Kind.AUTH_REVOKED, "connector.authRevoked");
        }
        if (status == 403) {
            String lower = error.toLowerCase(Locale.ROOT);
            if (lower.contains("scope")) {
                return ConnectorException.of(Kind.AUTH_REVOKED, "mastodon.missingScope", error);
            }
            if (lower.contains("login") || lower.contains("account")) {
                return ConnectorException.of(Kind.AUTH_REVOKED, "mastodon.accountDisabled", error);
            }
            return ConnectorException.of(Kind.INVALID_REQUEST, "mastodon.forbidden", error);
        }
        if (status == 404 || status == 410) {
            return ConnectorException.of(Kind.NOT_FOUND, "connector.notFound");
        }
        if (status == 429) {
            return ConnectorException.rateLimited(resetAt(headers).orElse(clock.instant().plus(DEFAULT_WINDOW)));
        }
        if (status == 504 && safety == Safety.PUBLICATION) {
            return ConnectorException.of(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown");
        }
        if (status >= 500) {
            return new ConnectorException(Kind.UNAVAILABLE, "connector.unavailable", null, null);
        }
        if (status >= 300 && status < 400) {
            return ConnectorException.of(Kind.MALFORMED_RESPONSE, "mastodon.redirected",
                    headers.firstValue("Location").orElse("?"));
        }
        return ConnectorException.of(Kind.INVALID_REQUEST, "connector.invalid", error);
    }

    static ConnectorException transport(IOException e, Safety safety) {
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException;
        if (safety == Safety.PUBLICATION && !notSent) {
            return new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, e);
        }
        if (e instanceof HttpTimeoutException && !notSent) {
            return new ConnectorException(Kind.UNAVAILABLE, "mastodon.timeout", null, e);
        }
        return ConnectorException.unavailable(e);
    }

    static ConnectorException malformed(Throwable cause) {
        return new ConnectorException(Kind.MALFORMED_RESPONSE, "connector.malformed", null, cause);
    }

    /** The {@code error} (and {@code error_description}) of a Mastodon error body, if it has one. */
    Optional<String> errorText(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            String error = text(node, "error");
            String description = text(node, "error_description");
            if (error == null) {
                return Optional.empty();
            }
            return Optional.of(description == null ? error : error + " (" + description + ")");
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    // ---- Rate limits ----------------------------------------------------------------------------

    Optional<MastodonRateLimit> rateLimit(HttpHeaders headers) {
        Optional<String> limit = headers.firstValue("X-RateLimit-Limit");
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MastodonRateLimit(Long.parseLong(limit.get().trim()),
                    Long.parseLong(remaining.get().trim()), resetAt(headers).orElse(null), clock.instant()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code X-RateLimit-Reset} (an ISO 8601 date; some servers send epoch seconds), else {@code Retry-After}. */
    Optional<Instant> resetAt(HttpHeaders headers) {
        Optional<String> reset = headers.firstValue("X-RateLimit-Reset").map(String::trim);
        if (reset.isPresent()) {
            String value = reset.get();
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
                } catch (NumberFormatException ignored) {
                    // fall through to Retry-After
                }
            }
        }
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::trim);
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(clock.instant().plusSeconds(Long.parseLong(retryAfter.get())));
            } catch (NumberFormatException e) {
                try {
                    return Optional.of(ZonedDateTime.parse(retryAfter.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    JsonMapper json() {
        return json;
    }

    static String text(JsonNode node, String field) {
        return JsonFields.text(node, field);
    }

    static Long number(JsonNode node, String field) {
        return JsonFields.number(node, field);
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(e);
        }
    }

    static URI uri(String value) {
        return JsonFields.uri(value);
    }

    /** The value of one query parameter of a {@code Link} target. */
    static Optional<String> queryParameter(URI uri, String name) {
        String query = uri == null ? null : uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (java.net.URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String form(Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((key, values) -> values.forEach(value -> pairs.add(encode(key) + "=" + encode(value))));
        return String.join("&", pairs);
    }

    /** A {@code multipart/form-data} body. */
    static final class Multipart {

        private final String boundary = "parvis-" + UUID.randomUUID();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Multipart file(String name, String filename, String mediaType, byte[] content) {
            head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + mediaType + "\r\n");
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Multipart field(String name, String value) {
            head("Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        private void head(String headers) {
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        /** The parts so far and the head of a file part whose bytes follow, then {@link #tailAfterFile()}. */
        byte[] headOfFile(String name, String filename, String mediaType) {
            java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        byte[] tailAfterFile() {
            return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }
    }
}

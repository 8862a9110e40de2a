package fr.parvis.channels.bluesky;

import fr.parvis.channels.net.JsonFields;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import java.io.IOException;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the Bluesky connector: XRPC queries ({@code GET /xrpc/<nsid>}) and procedures
 * ({@code POST /xrpc/<nsid>}) on {@code java.net.http}, with Parvis's timeouts, no redirect followed,
 * the session token, and the mapping of every failure (XRPC error names, {@code ratelimit-reset},
 * 5xx, timeouts, unreadable JSON, refused connections) to a {@link ConnectorException}.
 */
final class Xrpc {

    /** How a request may be repeated, which decides what a timeout means. */
    enum Safety {
        /** A read or an idempotent change: a timeout means "try again later". */
        RETRYABLE,
        /** A publication: a timeout means "it may have happened". */
        PUBLICATION
    }

    /** Which token a call carries. */
    enum Token {
        NONE,
        ACCESS,
        REFRESH
    }

    /** The largest answer Parvis reads (a page of notifications is far below); more is not read. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    private final OutboundGuard guard;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    Xrpc(OutboundGuard guard, JsonMapper json, Clock clock, ZoneId zone) {
        this.guard = guard;
        this.http = guard.client();
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    // ---- Requests -------------------------------------------------------------------------------

    /** A query of the account's PDS (or of the AppView through it). */
    JsonNode query(AccountContext account, String nsid, Map<String, ?> parameters) {
        return send(base(account), nsid, parameters, "GET", null, null, bearer(account, Token.ACCESS),
                Safety.RETRYABLE);
    }

    /** A procedure with a JSON body. */
    JsonNode procedure(AccountContext account, String nsid, Object body, Safety safety) {
        return send(base(account), nsid, Map.of(), "POST", "application/json",
                json.writeValueAsBytes(body == null ? Map.of() : body), bearer(account, Token.ACCESS), safety);
    }

    /** A procedure with raw bytes ({@code uploadBlob}). */
    JsonNode upload(AccountContext account, String nsid, String mediaType, byte[] content) {
        return send(base(account), nsid, Map.of(), "POST", mediaType, content, bearer(account, Token.ACCESS),
                Safety.RETRYABLE);
    }

    /** A large procedure with raw bytes (a video {@code uploadBlob}), with its own timeout. */
    JsonNode upload(AccountContext account, String nsid, String mediaType, byte[] content, java.time.Duration timeout) {
        return send(base(account), nsid, Map.of(), "POST", mediaType, content, bearer(account, Token.ACCESS),
                Safety.RETRYABLE, timeout);
    }

    /** A call to a service chosen at connection (already checked by the caller), with an explicit token. */
    JsonNode call(URI service, String nsid, String method, Object body, String bearer, Safety safety) {
        byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
        return send(service, nsid, Map.of(), method, bytes == null ? null : "application/json", bytes, bearer, safety);
    }

    private static String bearer(AccountContext account, Token token) {
        if (account.credentials() == null) {
            return null;
        }
        return token == Token.REFRESH ? account.credentials().refreshToken() : account.credentials().accessToken();
    }

    /** The account's PDS, checked again on every call (its address may have changed since). */
    URI base(AccountContext account) {
        URI base = account.baseUrl();
        if (base == null) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.noServer");
        }
        return checked(base);
    }

    /** A service address checked against the outbound guard. */
    URI checked(URI base) {
        try {
            guard.check(base, "server");
        } catch (UnsafeUrlException e) {
            if (e.messageKey().equals("outbound.unknownHost")) {
                throw new ConnectorException(Kind.UNAVAILABLE, "bluesky.unreachable", null, e, base.getHost());
            }
            throw new ConnectorException(Kind.INVALID_REQUEST, e.messageKey(), null, e, e.arguments());
        }
        return base;
    }

    private JsonNode send(URI base, String nsid, Map<String, ?> parameters, String method, String contentType,
            byte[] body, String bearer, Safety safety) {
        return send(base, nsid, parameters, method, contentType, body, bearer, safety, guard.readTimeout());
    }

    private JsonNode send(URI base, String nsid, Map<String, ?> parameters, String method, String contentType,
            byte[] body, String bearer, Safety safety, java.time.Duration timeout) {
        URI uri = uri(base, nsid, parameters);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // without TLS the JDK asks to upgrade to HTTP/2 ("Upgrade: h2c"), which a PDS takes for a
            // WebSocket handshake (its firehose) and answers by closing the connection
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else if (method.equals("POST")) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.GET();
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), info -> new Limited(MAX_ANSWER_BYTES));
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    throw malformed(e);
                }
            }
            throw transport(e, safety, base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable(e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body());
        }
        throw failure(status, response.headers(), response.body(), safety);
    }

    static URI uri(URI base, String nsid, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> query.add(encode(name) + "=" + encode(String.valueOf(v))));
            } else if (value != null) {
                query.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/xrpc/" + nsid + (query.length() == 0 ? "" : "?" + query));
    }

    JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw malformed(null);
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    /** An answer longer than {@link #MAX_ANSWER_BYTES}. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("answer over " + limit + " bytes");
        }
    }

    /** Reads an answer as UTF-8 text, and gives up (cancelling the stream) beyond a size. */
    static final class Limited implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.CompletableFuture<String> body = new java.util.concurrent.CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        Limited(int limit) {
            this.limit = limit;
        }

        @Override
        public java.util.concurrent.CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (java.nio.ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    // ---- Failures -------------------------------------------------------------------------------

    /** An XRPC error: {@code {"error": "ExpiredToken", "message": "…"}} with an HTTP status. */
    ConnectorException failure(int status, HttpHeaders headers, String body, Safety safety) {
        XrpcError error = error(body);
        String name = error.name() == null ? "" : error.name();
        String detail = error.message() != null ? error.message() : name.isEmpty() ? "HTTP " + status : name;
        if (name.equals("ExpiredToken") || name.equals("InvalidToken")) {
            return ConnectorException.of(Kind.AUTH_EXPIRED, "connector.authExpired");
        }
        if (name.equals("AccountTakedown") || name.equals("AccountDeactivated")) {
            return ConnectorException.of(Kind.AUTH_REVOKED, "bluesky.accountDisabled", detail);
        }
        if (name.equals("AuthFactorTokenRequired")) {
            return ConnectorException.of(Kind.AUTH_REVOKED, "bluesky.appPasswordRequired");
        }
        if (status == 401) {
            return ConnectorException.of(Kind.AUTH_REVOKED, "connector.authRevoked");
        }
        if (status == 429 || name.equals("RateLimitExceeded")) {
            Instant until = resetAt(headers).orElse(clock.instant().plus(DEFAULT_WINDOW));
            return new ConnectorException(Kind.RATE_LIMITED, "connector.rateLimitedUntil", until, null,
                    HOUR.format(until.atZone(zone)));
        }
        if (status == 404 || name.equals("RecordNotFound") || name.equals("NotFound")
                || name.equals("ProfileNotFound") || name.equals("RepoNotFound")) {
            return ConnectorException.of(Kind.NOT_FOUND, "connector.notFound");
        }
        if (status == 403) {
            return ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.forbidden", detail);
        }
        if ((status == 502 || status == 504) && safety == Safety.PUBLICATION) {
            return ConnectorException.of(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown");
        }
        if (status >= 500) {
            return new ConnectorException(Kind.UNAVAILABLE, "connector.unavailable", null, null);
        }
        if (status >= 300 && status < 400) {
            return ConnectorException.of(Kind.MALFORMED_RESPONSE, "bluesky.redirected",
                    headers.firstValue("Location").orElse("?"));
        }
        return ConnectorException.of(Kind.INVALID_REQUEST, "connector.invalid", detail);
    }

    static ConnectorException transport(IOException e, Safety safety, URI base) {
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException;
        if (notSent) {
            return new ConnectorException(Kind.UNAVAILABLE, "bluesky.unreachable", null, e,
                    base == null ? "?" : base.getAuthority());
        }
        if (safety == Safety.PUBLICATION) {
            return new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ConnectorException(Kind.UNAVAILABLE, "bluesky.timeout", null, e);
        }
        return ConnectorException.unavailable(e);
    }

    static ConnectorException malformed(Throwable cause) {
        return new ConnectorException(Kind.MALFORMED_RESPONSE, "connector.malformed", null, cause);
    }

    record XrpcError(String name, String message) {
    }

    XrpcError error(String body) {
        if (body == null || body.isBlank()) {
            return new XrpcError(null, null);
        }
        try {
            JsonNode node = json.readTree(body);
            String message = text(node, "message");
            return new XrpcError(text(node, "error"),
                    message == null ? null : message.length() > 300 ? message.substring(0, 300) + "…" : message);
        } catch (JacksonException e) {
            return new XrpcError(null, null);
        }
    }

    /** {@code ratelimit-reset} (epoch seconds), else {@code Retry-After} (seconds). */
    Optional<Instant> resetAt(HttpHeaders headers) {
        Optional<String> reset = headers.firstValue("ratelimit-reset").map(String::trim);
        if (reset.isPresent()) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(reset.get())));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::trim);
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(clock.instant().plusSeconds(Long.parseLong(retryAfter.get())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    JsonMapper json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    static String text(JsonNode node, String field) {
        return JsonFields.text(node, field);
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw malformed(null);
        }
        return value;
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
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static URI uri(String value) {
        return JsonFields.uri(value);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

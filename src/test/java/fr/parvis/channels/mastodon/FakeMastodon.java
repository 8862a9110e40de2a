package fr.parvis.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mastodon instance in a WireMock extension, stateful enough for the connector test kit. Its
 * answers follow the shapes of the {@code mastodon/documentation} method and entity pages: Status,
 * Account, Notification, MediaAttachment (202 then 206 then 200), ScheduledStatus, Context,
 * CredentialApplication, Token, Relationship, Report; {@code Link} paging with {@code max_id} and
 * {@code min_id}; {@code X-RateLimit-*} on every authenticated answer; errors as {@code {"error": …}}.
 * Status content is HTML as Mastodon renders it (paragraphs, {@code br}, links with invisible spans,
 * {@code h-card} mentions, hashtags, entities).
 */
final class FakeMastodon implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-mastodon";
    static final String DOMAIN = "mastodon.test";
    static final int RATE_LIMIT = 300;

    record User(String id, String username, String acct, String displayName, String token) {
    }

    final User city = new User("109000000000000001", "ville", "ville", "Ville de Montagnac", "token-ville");
    final User citizen = new User("109000000000000002", "habitante", "habitante@autre.example", "Camille",
            "token-habitante");

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong ids = new AtomicLong(110_000_000_000_000_000L);
    private final Map<String, ObjectNode> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();
    private final Map<String, ObjectNode> media = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mediaPolls = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> idempotency = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> scheduled = new ConcurrentHashMap<>();
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private final Map<String, String> apps = new ConcurrentHashMap<>();
    private final AtomicInteger remaining = new AtomicInteger(RATE_LIMIT);
    private final WireMockServer server;

    /** How many {@code GET /api/v1/media/:id} answer 206 before the media is ready. */
    volatile int processingPolls = 1;

    FakeMastodon() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(NAME)));
    }

    WireMockServer server() {
        return server;
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.port() + "/");
    }

    void shutdown() {
        server.stop();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    // ---- Test helpers ---------------------------------------------------------------------------

    /** What the user's browser does on {@code /oauth/authorize}: approve, and get a code back. */
    synchronized String authorize(URI authorizationUrl) {
        Map<String, String> query = query(authorizationUrl.getRawQuery());
        if (!"code".equals(query.get("response_type")) || !apps.containsKey(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method"))) {
            throw new AssertionError("bad authorization request " + authorizationUrl);
        }
        String code = "code-" + ids.incrementAndGet();
        codes.put(code, new String[] {query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge")});
        return code;
    }

    /** Someone favourites or boosts a status: a notification for its author. */
    synchronized void react(User who, String statusId, String type) {
        ObjectNode status = statuses.get(statusId);
        ObjectNode notification = notification(type, who, status, status.path("account").path("id").asString());
        notifications.add(notification);
    }

    /** The bytes of the file of an uploaded media, as received. */
    byte[] uploaded(String mediaId) {
        return uploads.get(mediaId);
    }

    synchronized ObjectNode status(String id) {
        return statuses.get(id);
    }

    // ---- Routing --------------------------------------------------------------------------------

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod().getName();
        URI url = URI.create(request.getUrl());
        String path = url.getRawPath();
        Map<String, String> query = query(url.getRawQuery());
        try {
            synchronized (this) {
                return route(request, method, path, query);
            }
        } catch (RuntimeException e) {
            return error(500, "Internal fake error: " + e).build();
        }
    }

    private ResponseDefinition route(Request request, String method, String path, Map<String, String> query) {
        if (method.equals("POST") && path.equals("/api/v1/apps")) {
            return registerApp(request);
        }
        if (method.equals("POST") && path.equals("/oauth/token")) {
            return token(request);
        }
        if (method.equals("GET") && path.equals("/api/v2/instance")) {
            ObjectNode instance = json.createObjectNode().put("domain", DOMAIN).put("title", "Mastodon de test")
                    .put("version", "4.5.0");
            return ok(instance).build();
        }
        Optional<User> user = user(request);
        if (user.isEmpty()) {
            return error(401, "The access token is invalid").build();
        }
        User me = user.get();
        ResponseDefinitionBuilder response = authenticated(request, method, path, query, me);
        int left = Math.max(0, remaining.decrementAndGet());
        return response.withHeader("X-RateLimit-Limit", String.valueOf(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", String.valueOf(left))
                .withHeader("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(
                        Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                .build();
    }

    private ResponseDefinitionBuilder authenticated(Request request, String method, String path,
            Map<String, String> query, User me) {
        Matcher m;
        if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
            return ok(account(me));
        }
        if (method.equals("POST") && path.equals("/api/v1/statuses")) {
            return createStatus(request, me);
        }
        if ((m = match("/api/v1/statuses/([^/]+)", path)) != null) {
            String statusId = m.group(1);
            ObjectNode status = statuses.get(statusId);
            if (status == null || !visibleTo(status, me)) {
                return error(404, "Record not found");
            }
            if (method.equals("GET")) {
                return ok(status);
            }
            if (method.equals("DELETE")) {
                if (!status.path("account").path("id").asString().equals(me.id())) {
                    return error(403, "This action is not allowed");
                }
                statuses.remove(statusId);
                notifications.removeIf(n -> n.path("status").path("id").asString().equals(statusId));
                ObjectNode deleted = status.deepCopy();
                deleted.put("text", sources.get(statusId));
                return ok(deleted);
            }
        }
        if (method.equals("GET") && (m = match("/api/v1/statuses/([^/]+)/context", path)) != null) {
            String statusId = m.group(1);
            ObjectNode status = statuses.get(statusId);
            if (status == null) {
                return error(404, "Record not found");
            }
            ObjectNode context = json.createObjectNode();
            ArrayNode ancestors = context.putArray("ancestors");
            List<ObjectNode> chain = new ArrayList<>();
            String parent = text(status, "in_reply_to_id");
            while (parent != null && statuses.containsKey(parent)) {
                chain.add(0, statuses.get(parent));
                parent = text(statuses.get(parent), "in_reply_to_id");
            }
            chain.forEach(ancestors::add);
            ArrayNode descendants = context.putArray("descendants");
            statuses.values().stream().filter(s -> statusId.equals(text(s, "in_reply_to_id")))
                    .sorted(Comparator.comparing(s -> text(s, "id"), MastodonPublishing.ID_ORDER))
                    .forEach(descendants::add);
            return ok(context);
        }
        if (method.equals("GET") && (m = match("/api/v1/accounts/([^/]+)/statuses", path)) != null) {
            String accountId = m.group(1);
            List<ObjectNode> own = statuses.values().stream()
                    .filter(s -> s.path("account").path("id").asString().equals(accountId))
                    .filter(s -> visibleTo(s, me)).map(s -> (ObjectNode) s).toList();
            return page(path, query, own, s -> text(s, "id"));
        }
        if (method.equals("GET") && path.equals("/api/v1/notifications")) {
            List<String> types = queryAll(request.getUrl(), "types[]");
            List<ObjectNode> mine = notifications.stream()
                    .filter(n -> me.id().equals(n.path("recipient").asString()))
                    .filter(n -> types.isEmpty() || types.contains(text(n, "type")))
                    .map(n -> {
                        ObjectNode copy = n.deepCopy();
                        copy.remove("recipient");
                        return copy;
                    }).toList();
            return page(path, query, mine, n -> text(n, "id"));
        }
        if (method.equals("POST") && path.equals("/api/v2/media")) {
            return upload(request);
        }
        if (method.equals("GET") && (m = match("/api/v1/media/([^/]+)", path)) != null) {
            ObjectNode attachment = media.get(m.group(1));
            if (attachment == null) {
                return error(404, "Record not found");
            }
            if (mediaPolls.get(m.group(1)).incrementAndGet() <= processingPolls) {
                return aResponse().withStatus(206).withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsString(attachment));
            }
            attachment.put("url", "http://localhost:" + server.port() + "/system/media/" + m.group(1) + ".png");
            return ok(attachment);
        }
        if (method.equals("POST") && (m = match("/api/v1/accounts/([^/]+)/block", path)) != null) {
            ObjectNode relationship = json.createObjectNode().put("id", m.group(1)).put("following", false)
                    .put("showing_reblogs", false).put("notifying", false).put("followed_by", false)
                    .put("blocking", true).put("blocked_by", false).put("muting", false)
                    .put("muting_notifications", false).put("requested", false).put("domain_blocking", false)
                    .put("endorsed", false).put("note", "");
            relationship.putArray("languages");
            return ok(relationship);
        }
        if (method.equals("POST") && path.equals("/api/v1/reports")) {
            Map<String, String> form = form(request);
            String target = form.get("account_id");
            ObjectNode report = json.createObjectNode().put("id", String.valueOf(ids.incrementAndGet()))
                    .put("action_taken", false).putNull("action_taken_at").put("category", "other")
                    .put("comment", "").put("forwarded", Boolean.parseBoolean(form.getOrDefault("forward", "false")))
                    .put("created_at", now());
            ArrayNode statusIds = report.putArray("status_ids");
            if (form.containsKey("status_ids[]")) {
                statusIds.add(form.get("status_ids[]"));
            }
            report.putNull("rule_ids");
            report.set("target_account", account(target.equals(citizen.id()) ? citizen : city));
            return ok(report);
        }
        if (method.equals("DELETE") && (m = match("/api/v1/scheduled_statuses/([^/]+)", path)) != null) {
            return scheduled.remove(m.group(1)) == null ? error(404, "Record not found") : ok(json.createObjectNode());
        }
        return error(404, "Record not found");
    }

    // ---- OAuth ----------------------------------------------------------------------------------

    private ResponseDefinition registerApp(Request request) {
        JsonNode body = json.readTree(request.getBodyAsString());
        JsonNode redirects = body.path("redirect_uris");
        if (redirects.isMissingNode() || body.path("client_name").asString("").isBlank()) {
            return error(422, "Validation failed: Redirect URI must be an absolute URI.").build();
        }
        String clientId = "client-" + ids.incrementAndGet();
        apps.put(clientId, "secret-" + clientId);
        ObjectNode app = json.createObjectNode().put("id", String.valueOf(ids.get()))
                .put("name", body.path("client_name").asString()).putNull("website");
        ArrayNode scopes = app.putArray("scopes");
        for (String scope : body.path("scopes").asString("read").split(" ")) {
            scopes.add(scope);
        }
        String first = redirects.isArray() ? redirects.get(0).asString() : redirects.asString();
        app.put("redirect_uri", first);
        app.putArray("redirect_uris").add(first);
        app.put("client_id", clientId).put("client_secret", apps.get(clientId)).put("client_secret_expires_at", 0);
        return ok(app).build();
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = form(request);
        String[] grant = codes.remove(String.valueOf(form.get("code")));
        if (grant == null || !grant[0].equals(form.get("client_id"))
                || !apps.getOrDefault(grant[0], "").equals(form.get("client_secret"))
                || !grant[1].equals(form.get("redirect_uri"))
                || !grant[2].equals(s256(form.getOrDefault("code_verifier", "")))) {
            return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant"
                            + " is invalid, expired, revoked, does not match the redirection URI used in the"
                            + " authorization request, or was issued to another client.\"}")
                    .build();
        }
        ObjectNode token = json.createObjectNode().put("access_token", city.token()).put("token_type", "Bearer")
                .put("scope", "read write").put("created_at", Instant.now().getEpochSecond());
        return ok(token).build();
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Statuses -------------------------------------------------------------------------------

    private ResponseDefinitionBuilder createStatus(Request request, User me) {
        Map<String, Object> params = statusParams(request);
        String key = request.getHeader("Idempotency-Key");
        if (key != null && idempotency.containsKey(me.id() + "|" + key)) {
            String existing = idempotency.get(me.id() + "|" + key);
            ObjectNode previous = statuses.containsKey(existing) ? statuses.get(existing) : scheduled.get(existing);
            if (previous != null) {
                return ok(previous);
            }
        }
        String text = String.valueOf(params.getOrDefault("status", ""));
        @SuppressWarnings("unchecked")
        List<String> mediaIds = (List<String>) params.getOrDefault("media_ids", List.of());
        if (text.isBlank() && mediaIds.isEmpty()) {
            return error(422, "Validation failed: Text can't be blank");
        }
        if (fr.parvis.channels.spi.TextCounter.MASTODON.count(text) > 500) {
            return error(422, "Validation failed: Text character limit of 500 exceeded");
        }
        for (String mediaId : mediaIds) {
            ObjectNode attachment = media.get(mediaId);
            if (attachment == null) {
                return error(422, "Validation failed: Media attachments are invalid");
            }
            if (attachment.path("url").isNull()) {
                return error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
            }
        }
        String replyTo = (String) params.get("in_reply_to_id");
        ObjectNode parent = replyTo == null ? null : statuses.get(replyTo);
        if (replyTo != null && parent == null) {
            return error(404, "Record not found");
        }
        String scheduledAt = (String) params.get("scheduled_at");
        if (scheduledAt != null) {
            String id = String.valueOf(ids.incrementAndGet());
            Instant at = Instant.parse(scheduledAt);
            if (!at.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
                return error(422, "Validation failed: Scheduled at The scheduled date must be in the future");
            }
            ObjectNode item = json.createObjectNode().put("id", id).put("scheduled_at", scheduledAt);
            ObjectNode p = item.putObject("params").put("text", text);
            p.putNull("media_ids").putNull("sensitive").putNull("spoiler_text").putNull("visibility")
                    .putNull("scheduled_at").putNull("poll");
            p.put("idempotency", key).put("in_reply_to_id", replyTo).put("application_id", 1);
            item.putArray("media_attachments");
            scheduled.put(id, item);
            if (key != null) {
                idempotency.put(me.id() + "|" + key, id);
            }
            return ok(item);
        }
        ObjectNode status = newStatus(me, text, String.valueOf(params.getOrDefault("visibility", "public")),
                String.valueOf(params.getOrDefault("language", "fr")), parent, mediaIds);
        if (key != null) {
            idempotency.put(me.id() + "|" + key, text(status, "id"));
        }
        return ok(status);
    }

    /** A status as the instance stores it, with its mention notifications. */
    synchronized ObjectNode newStatus(User me, String text, String visibility, String language, ObjectNode parent,
            List<String> mediaIds) {
        String id = String.valueOf(ids.incrementAndGet());
        ObjectNode status = json.createObjectNode().put("id", id).put("created_at", now())
                .put("in_reply_to_id", parent == null ? null : text(parent, "id"))
                .put("in_reply_to_account_id", parent == null ? null : parent.path("account").path("id").asString())
                .put("sensitive", false).put("spoiler_text", "")
                .put("visibility", visibility).put("language", language)
                .put("uri", "http://localhost:" + server.port() + "/users/" + me.username() + "/statuses/" + id)
                .put("url", "http://localhost:" + server.port() + "/@" + me.username() + "/" + id)
                .put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0).putNull("edited_at")
                .put("favourited", false).put("reblogged", false).put("muted", false).put("bookmarked", false);
        ArrayNode mentions = json.createArrayNode();
        status.put("content", html(text, mentions));
        status.putNull("reblog");
        status.putObject("application").put("name", "Parvis").putNull("website");
        status.set("account", account(me));
        ArrayNode attachments = status.putArray("media_attachments");
        mediaIds.forEach(mediaId -> attachments.add(media.get(mediaId)));
        status.set("mentions", mentions);
        status.putArray("tags");
        status.putArray("emojis");
        status.putNull("card");
        status.putNull("poll");
        sources.put(id, text);
        statuses.put(id, status);
        if (parent != null) {
            parent.put("replies_count", parent.path("replies_count").asInt() + 1);
        }
        for (JsonNode mention : mentions) {
            if (mention.path("id").asString().equals(city.id()) && !me.id().equals(city.id())) {
                notifications.add(notification("mention", me, status, city.id()));
            }
        }
        return status;
    }

    private Map<String, Object> statusParams(Request request) {
        Map<String, Object> params = new LinkedHashMap<>();
        String contentType = String.valueOf(request.getHeader("Content-Type"));
        if (contentType.startsWith("application/json")) {
            JsonNode body = json.readTree(request.getBodyAsString());
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (field.getValue().isArray()) {
                    List<String> values = new ArrayList<>();
                    field.getValue().forEach(v -> values.add(v.asString()));
                    params.put(field.getKey(), values);
                } else if (!field.getValue().isNull()) {
                    params.put(field.getKey(), field.getValue().asString());
                }
            }
        } else {
            Map<String, String> form = form(request);
            form.forEach((k, v) -> params.put(k.equals("media_ids[]") ? "media_ids" : k,
                    k.equals("media_ids[]") ? List.of(v) : v));
        }
        return params;
    }

    private ResponseDefinitionBuilder upload(Request request) {
        if (!request.isMultipart() || request.getPart("file") == null) {
            return error(422, "Validation failed: File content type is invalid, File is invalid");
        }
        Request.Part description = request.getPart("description");
        Request.Part file = request.getPart("file");
        String fileType = file.getHeaders().getContentTypeHeader().isPresent()
                ? file.getHeaders().getContentTypeHeader().mimeTypePart() : "";
        String id = String.valueOf(ids.incrementAndGet());
        uploads.put(id, file.getBody().asBytes());
        ObjectNode attachment = json.createObjectNode().put("id", id)
                .put("type", fileType.startsWith("video/") ? "video" : "image").putNull("url")
                .put("preview_url", "http://localhost:" + server.port() + "/system/media/small/" + id + ".png")
                .putNull("remote_url").put("text_url", "http://localhost:" + server.port() + "/media/" + id)
                .put("description", description == null ? null
                        : new String(description.getBody().asBytes(), StandardCharsets.UTF_8))
                .put("blurhash", "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}");
        attachment.putObject("meta").putObject("original").put("width", 1).put("height", 1).put("size", "1x1")
                .put("aspect", 1.0);
        media.put(id, attachment);
        mediaPolls.put(id, new AtomicInteger());
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody(json.writeValueAsString(attachment));
    }

    private ObjectNode notification(String type, User from, ObjectNode status, String recipient) {
        ObjectNode notification = json.createObjectNode().put("id", String.valueOf(ids.incrementAndGet()))
                .put("type", type).put("created_at", now());
        notification.put("group_key", "ungrouped-" + ids.get());
        notification.set("account", account(from));
        notification.set("status", status);
        notification.put("recipient", recipient);
        return notification;
    }

    private boolean visibleTo(ObjectNode status, User me) {
        if (!"direct".equals(text(status, "visibility"))) {
            return true;
        }
        if (status.path("account").path("id").asString().equals(me.id())) {
            return true;
        }
        for (JsonNode mention : status.path("mentions")) {
            if (mention.path("id").asString().equals(me.id())) {
                return true;
            }
        }
        return false;
    }

    // ---- HTML as Mastodon renders it ------------------------------------------------------------

    private static final Pattern ENTITIES = Pattern.compile(
            "(https?://[^\\s<>\"]+)|(?<![\\w/])@([A-Za-z0-9_]+)(?:@([A-Za-z0-9.-]+\\.[A-Za-z]{2,}))?|(?<![\\w&])#([\\p{L}\\p{N}_]+)");

    String html(String text, ArrayNode mentions) {
        StringBuilder out = new StringBuilder();
        String base = "http://localhost:" + server.port();
        for (String paragraph : text.strip().split("\n{2,}")) {
            out.append("<p>");
            Matcher matcher = ENTITIES.matcher(paragraph);
            int last = 0;
            while (matcher.find()) {
                out.append(escape(paragraph.substring(last, matcher.start())).replace("\n", "<br />"));
                if (matcher.group(1) != null) {
                    String url = matcher.group(1);
                    int schemeEnd = url.indexOf("://") + 3;
                    String visible = url.substring(schemeEnd);
                    String shown = visible.length() > 30 ? visible.substring(0, 30) : visible;
                    String hidden = visible.substring(shown.length());
                    out.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"nofollow noopener\"")
                            .append(" translate=\"no\"><span class=\"invisible\">").append(escape(url.substring(0, schemeEnd)))
                            .append("</span><span class=\"").append(hidden.isEmpty() ? "" : "ellipsis").append("\">")
                            .append(escape(shown)).append("</span><span class=\"invisible\">").append(escape(hidden))
                            .append("</span></a>");
                } else if (matcher.group(2) != null) {
                    String username = matcher.group(2);
                    String domain = matcher.group(3);
                    User target = username.equalsIgnoreCase(city.username()) && (domain == null || domain.equals(DOMAIN))
                            ? city : username.equalsIgnoreCase(citizen.username()) ? citizen : null;
                    if (target == null) {
                        out.append(escape(matcher.group()));
                    } else {
                        out.append("<span class=\"h-card\" translate=\"no\"><a href=\"").append(base).append("/@")
                                .append(target.acct()).append("\" class=\"u-url mention\">@<span>").append(username)
                                .append("</span></a></span>");
                        mentions.addObject().put("id", target.id()).put("username", target.username())
                                .put("url", base + "/@" + target.acct()).put("acct", target.acct());
                    }
                } else {
                    String tag = matcher.group(4);
                    out.append("<a href=\"").append(base).append("/tags/").append(tag.toLowerCase())
                            .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(tag))
                            .append("</span></a>");
                }
                last = matcher.end();
            }
            out.append(escape(paragraph.substring(last)).replace("\n", "<br />")).append("</p>");
        }
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    // ---- Entities and paging --------------------------------------------------------------------

    ObjectNode account(User user) {
        long posts = statuses.values().stream().filter(s -> s.path("account").path("id").asString().equals(user.id()))
                .count();
        String base = "http://localhost:" + server.port();
        ObjectNode account = json.createObjectNode().put("id", user.id()).put("username", user.username())
                .put("acct", user.acct()).put("display_name", user.displayName()).put("locked", false)
                .put("bot", false).put("discoverable", true).put("group", false)
                .put("created_at", "2024-01-10T00:00:00.000Z").put("note", "<p>Compte officiel</p>")
                .put("url", base + "/@" + user.username()).put("avatar", base + "/avatars/" + user.username() + ".png")
                .put("avatar_static", base + "/avatars/" + user.username() + ".png")
                .put("header", base + "/headers/original/missing.png")
                .put("header_static", base + "/headers/original/missing.png")
                .put("followers_count", user == city ? 1234 : 12).put("following_count", user == city ? 56 : 7)
                .put("statuses_count", posts).put("last_status_at", "2026-11-28");
        account.putArray("emojis");
        account.putArray("fields");
        return account;
    }

    private ResponseDefinitionBuilder page(String path, Map<String, String> query, List<ObjectNode> items,
            java.util.function.Function<ObjectNode, String> id) {
        int limit = Math.min(Integer.parseInt(query.getOrDefault("limit", "20")), 80);
        Comparator<ObjectNode> byId = Comparator.comparing(id, MastodonPublishing.ID_ORDER);
        List<ObjectNode> selected;
        String minId = query.get("min_id");
        String maxId = query.get("max_id");
        String sinceId = query.get("since_id");
        List<ObjectNode> candidates = items.stream()
                .filter(i -> maxId == null || MastodonPublishing.ID_ORDER.compare(id.apply(i), maxId) < 0)
                .filter(i -> sinceId == null || MastodonPublishing.ID_ORDER.compare(id.apply(i), sinceId) > 0)
                .filter(i -> minId == null || MastodonPublishing.ID_ORDER.compare(id.apply(i), minId) > 0)
                .toList();
        if (minId != null) {
            selected = new ArrayList<>(candidates.stream().sorted(byId).limit(limit).toList());
            selected.sort(byId.reversed());
        } else {
            selected = candidates.stream().sorted(byId.reversed()).limit(limit).toList();
        }
        ArrayNode array = json.createArrayNode();
        selected.forEach(array::add);
        ResponseDefinitionBuilder response = ok(array);
        if (!selected.isEmpty()) {
            String base = "http://localhost:" + server.port() + path;
            response.withHeader("Link", "<" + base + "?max_id=" + id.apply(selected.get(selected.size() - 1))
                    + ">; rel=\"next\", <" + base + "?min_id=" + id.apply(selected.get(0)) + ">; rel=\"prev\"");
        }
        return response;
    }

    // ---- Plumbing -------------------------------------------------------------------------------

    private Optional<User> user(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = authorization.substring(7);
        return token.equals(city.token()) ? Optional.of(city)
                : token.equals(citizen.token()) ? Optional.of(citizen) : Optional.empty();
    }

    private ResponseDefinitionBuilder ok(JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(json.writeValueAsString(body));
    }

    private ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(json.writeValueAsString(json.createObjectNode().put("error", message)));
    }

    private static Matcher match(String regex, String path) {
        Matcher matcher = Pattern.compile(regex).matcher(path);
        return matcher.matches() ? matcher : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static Map<String, String> form(Request request) {
        return query(request.getBodyAsString());
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static List<String> queryAll(String url, String name) {
        List<String> values = new ArrayList<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}

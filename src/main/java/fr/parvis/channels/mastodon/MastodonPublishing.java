package fr.parvis.channels.mastodon;

import static fr.parvis.channels.mastodon.MastodonApi.encode;
import static fr.parvis.channels.mastodon.MastodonApi.instant;
import static fr.parvis.channels.mastodon.MastodonApi.number;
import static fr.parvis.channels.mastodon.MastodonApi.text;
import static fr.parvis.channels.mastodon.MastodonApi.uri;

import fr.parvis.channels.mastodon.MastodonApi.Answer;
import fr.parvis.channels.mastodon.MastodonApi.Safety;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.NativeScheduling;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.Timeline;
import fr.parvis.channels.spi.VideoAttachment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Publishing on Mastodon ({@code POST /api/v1/statuses} with an {@code Idempotency-Key}, images
 * and a video through {@code POST /api/v2/media}), native scheduling ({@code scheduled_at}), reading the account's
 * own statuses and their counters.
 */
final class MastodonPublishing implements Publishing, NativeScheduling, Timeline, Metrics {

    /** Mastodon's default {@code video_size_limit} (99 MiB since Mastodon 4.0; 40 MiB before). */
    static final long MAX_VIDEO_BYTES = 99L * 1024 * 1024;

    /** Mastodon refuses {@code scheduled_at} closer than this. */
    static final Duration MINIMUM_LEAD = Duration.ofMinutes(5);

    /** Mastodon compares ids by length, then lexically (snowflakes; ULIDs sort the same way). */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final MastodonApi api;
    private final Clock clock;
    private final MastodonSettings settings;

    MastodonPublishing(MastodonApi api, Clock clock, MastodonSettings settings) {
        this.api = api;
        this.clock = clock;
        this.settings = settings;
    }

    // ---- Publishing -----------------------------------------------------------------------------

    @Override
    public PublishedPost publish(AccountContext account, PostDraft draft) {
        Map<String, Object> body = statusBody(account, draft);
        Answer answer = api.postJson(account, "/api/v1/statuses", body,
                Map.of("Idempotency-Key", idempotencyKey(account, draft, null)), Safety.PUBLICATION);
        return post(answer.json());
    }

    @Override
    public Optional<PublishedPost> read(AccountContext account, String postExternalId) {
        try {
            return Optional.of(post(api.get(account, "/api/v1/statuses/" + encode(postExternalId)).json()));
        } catch (ConnectorException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(AccountContext account, String postExternalId) {
        try {
            api.delete(account, "/api/v1/statuses/" + encode(postExternalId));
        } catch (ConnectorException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    // ---- Native scheduling ----------------------------------------------------------------------

    @Override
    public String schedule(AccountContext account, PostDraft draft, Instant at) {
        Map<String, Object> body = statusBody(account, draft);
        body.put("scheduled_at", DateTimeFormatter.ISO_INSTANT.format(at));
        try {
            Answer answer = api.postJson(account, "/api/v1/statuses", body,
                    Map.of("Idempotency-Key", idempotencyKey(account, draft, at)), Safety.PUBLICATION);
            JsonNode scheduled = answer.json();
            String id = text(scheduled, "id");
            if (id == null || text(scheduled, "scheduled_at") == null) {
                throw MastodonApi.malformed(null);
            }
            return id;
        } catch (ConnectorException e) {
            boolean tooSoon = at.isBefore(clock.instant().plus(MINIMUM_LEAD)) || e.arguments().length > 0
                    && String.valueOf(e.arguments()[0]).toLowerCase(Locale.ROOT).contains("scheduled");
            if (e.kind() == Kind.INVALID_REQUEST && tooSoon) {
                throw new ConnectorException(Kind.INVALID_REQUEST, "mastodon.scheduleTooSoon", null, e,
                        MINIMUM_LEAD.toMinutes(), e.arguments().length > 0 ? e.arguments()[0] : "");
            }
            throw e;
        }
    }

    /** Cancels a scheduled status; NOT_FOUND when it no longer exists (published, or cancelled already). */
    @Override
    public void cancel(AccountContext account, String scheduledExternalId) {
        api.delete(account, "/api/v1/scheduled_statuses/" + encode(scheduledExternalId));
    }

    // ---- Timeline -------------------------------------------------------------------------------

    @Override
    public PostPage posts(AccountContext account, Cursor since) {
        String from = since == null || since.atStart() ? "0" : since.value();
        Answer answer = api.get(account, "/api/v1/accounts/" + encode(requireExternalId(account))
                + "/statuses?exclude_reblogs=true&limit=" + settings.pageSize() + "&min_id=" + encode(from));
        JsonNode statuses = array(answer.json());
        List<JsonNode> ordered = new ArrayList<>();
        statuses.forEach(ordered::add);
        ordered.sort(Comparator.comparing(status -> String.valueOf(text(status, "id")), ID_ORDER));
        List<PublishedPost> items = ordered.stream().map(MastodonPublishing::post).toList();
        String last = items.isEmpty() ? null : items.get(items.size() - 1).externalId();
        return new PostPage(items, nextCursor(answer, last, since), statuses.size() >= settings.pageSize());
    }

    // ---- Metrics --------------------------------------------------------------------------------

    @Override
    public PostMetrics post(AccountContext account, String postExternalId) {
        JsonNode status = api.get(account, "/api/v1/statuses/" + encode(postExternalId)).json();
        return new PostMetrics(postExternalId, clock.instant(), number(status, "favourites_count"),
                number(status, "replies_count"), number(status, "reblogs_count"), number(status, "quotes_count"),
                null, null);
    }

    @Override
    public AccountMetrics account(AccountContext account) {
        JsonNode me = api.get(account, "/api/v1/accounts/verify_credentials").json();
        return new AccountMetrics(clock.instant(), number(me, "followers_count"), number(me, "following_count"),
                number(me, "statuses_count"));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private Map<String, Object> statusBody(AccountContext account, PostDraft draft) {
        String text = draft.text() == null ? "" : draft.text().strip();
        if (draft.link() != null && !text.contains(draft.link().toString())) {
            text = text.isEmpty() ? draft.link().toString() : text + "\n\n" + draft.link();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (draft.replyTo() != null) {
            JsonNode parent = api.get(account, "/api/v1/statuses/" + encode(draft.replyTo())).json();
            text = withMentionOf(account, parent, text);
            String visibility = text(parent, "visibility");
            if (visibility != null && !visibility.equals("public")) {
                body.put("visibility", visibility);
            }
            body.put("in_reply_to_id", draft.replyTo());
        }
        body.put("status", text);
        body.put("language", draft.language());
        List<String> media = new ArrayList<>(upload(account, draft.images()));
        for (int i = 0; i < draft.videos().size(); i++) {
            media.add(uploadVideo(account, draft.videos().get(i), i + 1));
        }
        if (!media.isEmpty()) {
            body.put("media_ids", media);
        }
        return body;
    }

    /**
     * A reply reaches its recipient only if it mentions them (and a private message is delivered to
     * mentioned accounts only): like Mastodon's own interface, Parvis puts the author of the answered
     * status first when the text does not name them.
     */
    private static String withMentionOf(AccountContext account, JsonNode parent, String text) {
        JsonNode author = parent.path("account");
        String acct = text(author, "acct");
        if (acct == null || String.valueOf(text(author, "id")).equals(account.externalId())) {
            return text;
        }
        String username = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        if (text.toLowerCase(Locale.ROOT).contains("@" + username.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return "@" + acct + " " + text;
    }

    private List<String> upload(AccountContext account, List<ImageAttachment> images) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageAttachment image = images.get(i);
            MastodonApi.Multipart multipart = new MastodonApi.Multipart()
                    .file("file", "image-" + (i + 1) + extension(image.mediaType()), image.mediaType(), image.content())
                    .field("description", image.altText() == null ? "" : image.altText());
            Answer answer = api.postMultipart(account, "/api/v2/media", multipart);
            JsonNode media = answer.json();
            String id = text(media, "id");
            if (id == null) {
                throw MastodonApi.malformed(null);
            }
            if (answer.status() == 202 || text(media, "url") == null) {
                awaitProcessing(account, id);
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * A video through {@code POST /api/v2/media}, streamed, its description as alternative text. Mastodon
     * takes no subtitles track: a video must then carry its subtitles in the picture to be accessible
     * there (the composer says so), a WebVTT file is not sent.
     */
    private String uploadVideo(AccountContext account, VideoAttachment video, int position) {
        if (video.size() > MAX_VIDEO_BYTES) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "draft.videoTooLarge", position,
                    String.format(Locale.FRANCE, "%.1f", video.size() / 1_000_000.0),
                    String.format(Locale.FRANCE, "%.1f", MAX_VIDEO_BYTES / 1_000_000.0));
        }
        MastodonApi.Multipart fields = new MastodonApi.Multipart()
                .field("description", video.altText() == null ? "" : video.altText());
        Answer answer = api.postMultipartStream(account, "/api/v2/media", fields, "file",
                "video-" + position + (video.mediaType().equals("video/webm") ? ".webm" : ".mp4"), video.mediaType(),
                video.size(), video.content(), settings.videoUploadTimeout());
        JsonNode media = answer.json();
        String id = text(media, "id");
        if (id == null) {
            throw MastodonApi.malformed(null);
        }
        if (answer.status() == 202 || text(media, "url") == null) {
            awaitProcessing(account, id, settings.videoMaxWait());
        }
        return id;
    }

    private void awaitProcessing(AccountContext account, String mediaId) {
        awaitProcessing(account, mediaId, settings.mediaMaxWait());
    }

    /** Mastodon answers 202 while it processes a media, then {@code GET /api/v1/media/:id} 206 until ready. */
    private void awaitProcessing(AccountContext account, String mediaId, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            pause(settings.mediaPollInterval());
            Answer answer = api.get(account, "/api/v1/media/" + encode(mediaId));
            if (answer.status() == 200 && text(answer.json(), "url") != null) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw ConnectorException.of(Kind.UNAVAILABLE, "mastodon.mediaProcessing", maxWait.toSeconds());
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable(e);
        }
    }

    /**
     * The draft's key, or one derived from the account and the content: a retry of the same draft
     * sends the same key, and Mastodon (which keeps keys for an hour) answers with the status it
     * already created instead of a duplicate.
     */
    static String idempotencyKey(AccountContext account, PostDraft draft, Instant at) {
        if (draft.idempotencyKey() != null && !draft.idempotencyKey().isBlank()) {
            return draft.idempotencyKey();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {account.accountId(), account.externalId(), draft.text(), draft.link(),
                    draft.replyTo(), draft.language(), at}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (ImageAttachment image : draft.images()) {
                digest.update(image.content());
                digest.update(String.valueOf(image.altText()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (VideoAttachment video : draft.videos()) {
                digest.update((video.mediaType() + " " + video.size() + " " + video.altText())
                        .getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "parvis-" + UUID.nameUUIDFromBytes(HexFormat.of().formatHex(digest.digest())
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublishedPost post(JsonNode status) {
        String id = text(status, "id");
        if (id == null) {
            throw MastodonApi.malformed(null);
        }
        String url = text(status, "url") != null ? text(status, "url") : text(status, "uri");
        return new PublishedPost(id, uri(url), HtmlText.toPlainText(text(status, "content")),
                instant(status, "created_at"));
    }

    static JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw MastodonApi.malformed(null);
        }
        return node;
    }

    /** Where to resume: the {@code min_id} of the {@code prev} link, else the newest id read, else unchanged. */
    static Cursor nextCursor(Answer answer, String newest, Cursor since) {
        Optional<String> prev = MastodonApi.queryParameter(answer.links().get("prev"), "min_id");
        if (prev.isPresent() && !prev.get().isBlank()) {
            return new Cursor(prev.get());
        }
        if (newest != null) {
            return new Cursor(newest);
        }
        return since == null ? Cursor.START : since;
    }

    private static String requireExternalId(AccountContext account) {
        if (account.externalId() == null) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "mastodon.noAccountId");
        }
        return account.externalId();
    }

    private static String extension(String mediaType) {
        return switch (String.valueOf(mediaType)) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            default -> "";
        };
    }
}

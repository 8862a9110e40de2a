package fr.parvis.channels.bluesky;

import static fr.parvis.channels.bluesky.Xrpc.params;
import static fr.parvis.channels.bluesky.Xrpc.text;

import fr.parvis.channels.bluesky.Xrpc.Safety;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Metrics;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.channels.spi.Timeline;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Publishing on Bluesky: an {@code app.bsky.feed.post} record created with
 * {@code com.atproto.repo.createRecord} in the account's repository, with facets (links, mentions,
 * hashtags), up to four images uploaded first with {@code com.atproto.repo.uploadBlob} (with their alt
 * text) or one video with its WebVTT captions ({@code app.bsky.embed.video}), and reply references (root and parent). Reading our posts back from the repository
 * ({@code getRecord}, {@code listRecords}), deleting them ({@code deleteRecord}), and their counters
 * from the AppView ({@code app.bsky.feed.getPosts}, {@code app.bsky.actor.getProfile}).
 */
final class BlueskyPublishing implements Publishing, Timeline, Metrics {

    static final String POST = "app.bsky.feed.post";
    static final String THREADGATE = "app.bsky.feed.threadgate";
    static final int PAGE_SIZE = 50;
    /** Longest sending of a video blob (the other calls keep Parvis's read timeout). */
    static final java.time.Duration VIDEO_UPLOAD_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final Xrpc xrpc;

    BlueskyPublishing(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    // ---- Publishing -----------------------------------------------------------------------------

    @Override
    public PublishedPost publish(AccountContext account, PostDraft draft) {
        List<DraftProblem> problems = BlueskyConnector.PROFILE.check(draft);
        if (!problems.isEmpty()) {
            DraftProblem first = problems.get(0);
            throw ConnectorException.of(Kind.INVALID_REQUEST, first.messageKey(), first.arguments());
        }
        String did = did(account);
        String text = postText(draft);
        int length = TextCounter.GRAPHEMES.count(text);
        if (length > BlueskyConnector.MAX_GRAPHEMES) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.textTooLongWithLink",
                    length - BlueskyConnector.MAX_GRAPHEMES, BlueskyConnector.MAX_GRAPHEMES);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", POST);
        record.put("text", text);
        List<Map<String, Object>> facets = Facets.facets(text, handle -> resolve(account, handle));
        if (!facets.isEmpty()) {
            record.put("facets", facets);
        }
        record.put("langs", List.of(draft.language()));
        if (draft.replyTo() != null) {
            record.put("reply", replyRefs(account, draft.replyTo()));
        }
        if (!draft.videos().isEmpty()) {
            record.put("embed", video(account, draft.videos().get(0)));
        } else if (!draft.images().isEmpty()) {
            record.put("embed", images(account, draft.images()));
        }
        record.put("createdAt", timestamp(xrpc.clock().instant()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", did);
        body.put("collection", POST);
        body.put("record", record);
        JsonNode created = xrpc.procedure(account, "com.atproto.repo.createRecord", body, Safety.PUBLICATION);
        String uri = Xrpc.required(created, "uri");
        return new PublishedPost(uri, webUrl(account, AtUri.parse(uri)), text, xrpc.clock().instant());
    }

    @Override
    public Optional<PublishedPost> read(AccountContext account, String postExternalId) {
        AtUri uri = AtUri.parse(postExternalId);
        try {
            JsonNode answer = xrpc.query(account, "com.atproto.repo.getRecord",
                    params("repo", uri.repo(), "collection", uri.collection(), "rkey", uri.rkey()));
            return Optional.of(post(account, answer));
        } catch (ConnectorException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes our post, and its threadgate if it has one (deleting an absent record is no error). */
    @Override
    public void delete(AccountContext account, String postExternalId) {
        AtUri uri = AtUri.parse(postExternalId);
        if (!uri.repo().equals(did(account)) || !uri.collection().equals(POST)) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.notOurPost");
        }
        for (String collection : List.of(POST, THREADGATE)) {
            try {
                xrpc.procedure(account, "com.atproto.repo.deleteRecord",
                        Map.of("repo", uri.repo(), "collection", collection, "rkey", uri.rkey()), Safety.RETRYABLE);
            } catch (ConnectorException e) {
                if (e.kind() != Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
    }

    // ---- Timeline -------------------------------------------------------------------------------

    /** Our posts, oldest first: {@code listRecords} in ascending record keys (TIDs sort by time). */
    @Override
    public PostPage posts(AccountContext account, Cursor since) {
        Map<String, Object> parameters = params("repo", did(account), "collection", POST, "limit", PAGE_SIZE,
                "reverse", true);
        if (since != null && !since.atStart()) {
            parameters.put("cursor", since.value());
        }
        JsonNode answer = xrpc.query(account, "com.atproto.repo.listRecords", parameters);
        List<PublishedPost> items = new ArrayList<>();
        String last = null;
        for (JsonNode record : answer.path("records")) {
            items.add(post(account, record));
            last = AtUri.parse(Xrpc.required(record, "uri")).rkey();
        }
        Cursor next = last != null ? new Cursor(last) : since == null ? Cursor.START : since;
        return new PostPage(items, next, items.size() >= PAGE_SIZE);
    }

    // ---- Metrics --------------------------------------------------------------------------------

    /** Counters from the AppView; {@code null} while it has not indexed the post yet. */
    @Override
    public PostMetrics post(AccountContext account, String postExternalId) {
        AtUri.parse(postExternalId);
        JsonNode answer = xrpc.query(account, "app.bsky.feed.getPosts", params("uris", List.of(postExternalId)));
        for (JsonNode post : answer.path("posts")) {
            if (postExternalId.equals(text(post, "uri"))) {
                return new PostMetrics(postExternalId, xrpc.clock().instant(), Xrpc.number(post, "likeCount"),
                        Xrpc.number(post, "replyCount"), Xrpc.number(post, "repostCount"),
                        Xrpc.number(post, "quoteCount"), null, null);
            }
        }
        return new PostMetrics(postExternalId, xrpc.clock().instant(), null, null, null, null, null, null);
    }

    @Override
    public AccountMetrics account(AccountContext account) {
        JsonNode profile = xrpc.query(account, "app.bsky.actor.getProfile", params("actor", did(account)));
        return new AccountMetrics(xrpc.clock().instant(), Xrpc.number(profile, "followersCount"),
                Xrpc.number(profile, "followsCount"), Xrpc.number(profile, "postsCount"));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    /** The text sent: the draft's, with its link at the end when the text does not contain it. */
    static String postText(PostDraft draft) {
        String text = draft.text() == null ? "" : draft.text().strip();
        if (draft.link() != null && !text.contains(draft.link().toString())) {
            text = text.isEmpty() ? draft.link().toString() : text + "\n\n" + draft.link();
        }
        return text;
    }

    private Optional<String> resolve(AccountContext account, String handle) {
        try {
            return Optional.ofNullable(text(xrpc.query(account, "com.atproto.identity.resolveHandle",
                    params("handle", handle)), "did"));
        } catch (ConnectorException e) {
            if (e.kind() == Kind.NOT_FOUND || e.kind() == Kind.INVALID_REQUEST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code reply: {root, parent}}: the parent's own root when it is itself a reply. */
    private Map<String, Object> replyRefs(AccountContext account, String parentUri) {
        AtUri uri = AtUri.parse(parentUri);
        JsonNode parent;
        try {
            parent = xrpc.query(account, "com.atproto.repo.getRecord",
                    params("repo", uri.repo(), "collection", uri.collection(), "rkey", uri.rkey()));
        } catch (ConnectorException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.parentNotFound");
            }
            throw e;
        }
        Map<String, Object> parentRef = Map.of("uri", Xrpc.required(parent, "uri"), "cid",
                Xrpc.required(parent, "cid"));
        JsonNode root = parent.path("value").path("reply").path("root");
        Map<String, Object> rootRef = text(root, "uri") != null && text(root, "cid") != null
                ? Map.of("uri", text(root, "uri"), "cid", text(root, "cid")) : parentRef;
        return Map.of("root", rootRef, "parent", parentRef);
    }

    private Map<String, Object> images(AccountContext account, List<ImageAttachment> images) {
        List<Map<String, Object>> embedded = new ArrayList<>();
        for (ImageAttachment image : images) {
            JsonNode uploaded = xrpc.upload(account, "com.atproto.repo.uploadBlob", image.mediaType(), image.content());
            JsonNode blob = uploaded.get("blob");
            if (blob == null || !blob.isObject() || blob.path("ref").path("$link").isMissingNode()) {
                throw Xrpc.malformed(null);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("alt", image.altText() == null ? "" : image.altText().strip());
            entry.put("image", blob);
            embedded.add(entry);
        }
        return Map.of("$type", "app.bsky.embed.images", "images", embedded);
    }

    /**
     * {@code app.bsky.embed.video}: the MP4 and its WebVTT subtitles uploaded as blobs to the account's
     * PDS ({@code uploadBlob}), the description as {@code alt}, the aspect ratio when known.
     */
    private Map<String, Object> video(AccountContext account, VideoAttachment video) {
        byte[] bytes = video.readAll(BlueskyConnector.MAX_VIDEO_BYTES);
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("$type", "app.bsky.embed.video");
        embed.put("video", blob(xrpc.upload(account, "com.atproto.repo.uploadBlob", video.mediaType(), bytes,
                VIDEO_UPLOAD_TIMEOUT)));
        if (video.subtitles() != null) {
            JsonNode captions = blob(xrpc.upload(account, "com.atproto.repo.uploadBlob", "text/vtt",
                    video.subtitles().bytes()));
            embed.put("captions", List.of(Map.of("lang", video.subtitles().language(), "file", captions)));
        }
        if (video.altText() != null && !video.altText().isBlank()) {
            embed.put("alt", video.altText().strip());
        }
        if (video.width() != null && video.height() != null && video.width() > 0 && video.height() > 0) {
            embed.put("aspectRatio", Map.of("width", video.width(), "height", video.height()));
        }
        return embed;
    }

    private static JsonNode blob(JsonNode uploaded) {
        JsonNode blob = uploaded.get("blob");
        if (blob == null || !blob.isObject() || blob.path("ref").path("$link").isMissingNode()) {
            throw Xrpc.malformed(null);
        }
        return blob;
    }

    private PublishedPost post(AccountContext account, JsonNode record) {
        String uri = Xrpc.required(record, "uri");
        JsonNode value = record.path("value");
        return new PublishedPost(uri, webUrl(account, AtUri.parse(uri)), text(value, "text"),
                Xrpc.instant(value, "createdAt"));
    }

    /** The post's address in Bluesky's web app. */
    static URI webUrl(AccountContext account, AtUri uri) {
        return URI.create("https://bsky.app/profile/" + uri.repo() + "/post/" + Xrpc.encode(uri.rkey()));
    }

    static String did(AccountContext account) {
        String did = account.externalId() != null ? account.externalId()
                : account.credentials() == null ? null : account.credentials().extra(BlueskySessions.DID);
        if (did == null || !did.startsWith("did:")) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.noDid");
        }
        return did;
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package fr.parvis.channels.bluesky;

import static fr.parvis.channels.bluesky.Xrpc.params;
import static fr.parvis.channels.bluesky.Xrpc.text;

import fr.parvis.channels.bluesky.Xrpc.Safety;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.Author;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Interactions;
import fr.parvis.channels.spi.Moderation;
import fr.parvis.channels.spi.ModerationAction;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound interactions from {@code app.bsky.notification.listNotifications} (replies, mentions,
 * quotes, likes, reposts), and what Bluesky lets an account do about others' replies: hide them in
 * its threads with a threadgate ({@code app.bsky.feed.threadgate} record, {@code hiddenReplies}),
 * show them again, block their author ({@code app.bsky.graph.block}), report them
 * ({@code com.atproto.moderation.createReport}).
 *
 * <p>Bluesky pages notifications from the newest to the oldest. Parvis's cursor is the time and
 * address of the newest notification already read: each read goes back page by page (at most
 * {@link #MAX_PAGES}) until it meets it (or an older one), and returns what is newer, oldest first.
 */
final class BlueskyInteractions implements Interactions, Moderation {

    static final int MAX_PAGES = 5;
    static final int PAGE_SIZE = 50;
    /** The lexicon's limit of {@code hiddenReplies} in one threadgate. */
    static final int MAX_HIDDEN_REPLIES = 300;

    private final Xrpc xrpc;

    BlueskyInteractions(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    // ---- Reading --------------------------------------------------------------------------------

    @Override
    public InteractionPage since(AccountContext account, Cursor since) {
        Position last = since == null || since.atStart() ? null : Position.parse(since.value());
        List<JsonNode> newer = new ArrayList<>();
        String page = null;
        boolean reached = false;
        for (int pages = 0; pages < MAX_PAGES && !reached; pages++) {
            Map<String, Object> parameters = params("limit", PAGE_SIZE);
            if (page != null) {
                parameters.put("cursor", page);
            }
            JsonNode answer = xrpc.query(account, "app.bsky.notification.listNotifications", parameters);
            JsonNode notifications = answer.path("notifications");
            if (!notifications.isArray()) {
                throw Xrpc.malformed(null);
            }
            for (JsonNode notification : notifications) {
                Position position = Position.of(notification);
                if (last != null && !position.isAfter(last)) {
                    reached = true;
                    break;
                }
                newer.add(notification);
            }
            page = text(answer, "cursor");
            if (page == null || notifications.isEmpty()) {
                break;
            }
        }
        Collections.reverse(newer);
        List<Interaction> items = new ArrayList<>();
        for (JsonNode notification : newer) {
            toInteraction(account, notification).ifPresent(items::add);
        }
        Cursor next = newer.isEmpty() ? since == null ? Cursor.START : since
                : new Cursor(Position.of(newer.get(newer.size() - 1)).toString());
        return new InteractionPage(items, next, false);
    }

    /** Where a notification stands in the account's list: its indexing time, then its address. */
    record Position(Instant indexedAt, String uri) {

        static Position of(JsonNode notification) {
            Instant indexedAt = Xrpc.instant(notification, "indexedAt");
            String uri = text(notification, "uri");
            if (indexedAt == null || uri == null) {
                throw Xrpc.malformed(null);
            }
            return new Position(indexedAt, uri);
        }

        static Position parse(String value) {
            int bar = value.indexOf('|');
            try {
                return new Position(Instant.parse(bar < 0 ? value : value.substring(0, bar)),
                        bar < 0 ? "" : value.substring(bar + 1));
            } catch (java.time.format.DateTimeParseException e) {
                return new Position(Instant.EPOCH, "");
            }
        }

        /**
         * Whether this notification is not the one of the cursor nor older. Notifications indexed in the
         * same millisecond as the cursor's are read again rather than risk losing one (the core ignores
         * interactions it already has).
         */
        boolean isAfter(Position other) {
            return indexedAt.isAfter(other.indexedAt) || indexedAt.equals(other.indexedAt) && !uri.equals(other.uri);
        }

        @Override
        public String toString() {
            return indexedAt + "|" + uri;
        }
    }

    /** The interaction a notification stands for; empty for kinds Parvis does not read (follows…). */
    Optional<Interaction> toInteraction(AccountContext account, JsonNode notification) {
        String uri = Xrpc.required(notification, "uri");
        String reason = Xrpc.required(notification, "reason");
        JsonNode record = notification.path("record");
        String raw = xrpc.json().writeValueAsString(notification);
        Author author = author(notification.path("author"));
        Instant indexedAt = Xrpc.instant(notification, "indexedAt");
        Instant createdAt = Optional.ofNullable(Xrpc.instant(record, "createdAt")).orElse(indexedAt);
        String subject = text(notification, "reasonSubject");
        String ours = BlueskyPublishing.did(account);
        String text = text(record, "text");
        switch (reason) {
            case "reply" -> {
                String parent = text(record.path("reply").path("parent"), "uri");
                String root = text(record.path("reply").path("root"), "uri");
                boolean parentIsOurs = isIn(parent, ours);
                String post = isIn(root, ours) ? root : parentIsOurs ? parent : null;
                return Optional.of(new Interaction(uri, parentIsOurs ? InteractionType.COMMENT : InteractionType.REPLY,
                        post, parent, author, text, createdAt, web(uri), raw));
            }
            case "mention" -> {
                String parent = text(record.path("reply").path("parent"), "uri");
                return Optional.of(new Interaction(uri, InteractionType.MENTION, null, parent, author, text, createdAt,
                        web(uri), raw));
            }
            case "quote" -> {
                String quoted = subject != null ? subject : text(record.path("embed").path("record"), "uri");
                return Optional.of(new Interaction(uri, InteractionType.SHARE, quoted, quoted, author, text, createdAt,
                        web(uri), raw));
            }
            case "like", "repost" -> {
                InteractionType kind = reason.equals("like") ? InteractionType.REACTION : InteractionType.SHARE;
                return Optional.of(new Interaction(uri, kind, subject, subject, author, null, createdAt,
                        subject == null ? null : web(subject), raw));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static boolean isIn(String uri, String did) {
        return uri != null && uri.startsWith("at://" + did + "/");
    }

    private static URI web(String uri) {
        try {
            AtUri at = AtUri.parse(uri);
            return at.collection().equals(BlueskyPublishing.POST) ? BlueskyPublishing.webUrl(null, at) : null;
        } catch (ConnectorException e) {
            return null;
        }
    }

    static Author author(JsonNode author) {
        if (author == null || author.isMissingNode() || author.isNull()) {
            return null;
        }
        String handle = text(author, "handle");
        String name = text(author, "displayName");
        return new Author(text(author, "did"), handle == null ? null : "@" + handle,
                name == null || name.isBlank() ? handle : name);
    }

    // ---- Moderation -----------------------------------------------------------------------------

    @Override
    public void apply(AccountContext account, ModerationAction action, Interaction interaction) {
        switch (action) {
            case HIDE -> gate(account, interaction, true);
            case UNHIDE -> gate(account, interaction, false);
            case BLOCK_AUTHOR -> {
                Author author = interaction.author();
                if (author == null || author.externalId() == null || !author.externalId().startsWith("did:")) {
                    throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.noAuthor");
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("$type", "app.bsky.graph.block");
                record.put("subject", author.externalId());
                record.put("createdAt", BlueskyPublishing.timestamp(xrpc.clock().instant()));
                xrpc.procedure(account, "com.atproto.repo.createRecord", Map.of("repo", BlueskyPublishing.did(account),
                        "collection", "app.bsky.graph.block", "record", record), Safety.RETRYABLE);
            }
            case REPORT -> {
                Map<String, Object> subject = new LinkedHashMap<>();
                String cid = cid(interaction);
                if (interaction.text() != null && cid != null) {
                    subject.put("$type", "com.atproto.repo.strongRef");
                    subject.put("uri", interaction.externalId());
                    subject.put("cid", cid);
                } else if (interaction.author() != null && interaction.author().externalId() != null) {
                    subject.put("$type", "com.atproto.admin.defs#repoRef");
                    subject.put("did", interaction.author().externalId());
                } else {
                    throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.noAuthor");
                }
                xrpc.procedure(account, "com.atproto.moderation.createReport",
                        Map.of("reasonType", "com.atproto.moderation.defs#reasonOther",
                                "reason", "Signalé par l'équipe de la collectivité (Parvis)", "subject", subject),
                        Safety.RETRYABLE);
            }
            default -> throw ConnectorException.of(Kind.UNSUPPORTED, "connector.unsupported");
        }
    }

    /**
     * Adds the reply to (or removes it from) the {@code hiddenReplies} of the threadgate of the
     * thread's first post, which must be ours. The threadgate keeps its other settings (who may
     * reply); it is created when the post has none.
     */
    private void gate(AccountContext account, Interaction interaction, boolean hide) {
        AtUri reply = AtUri.parse(interaction.externalId());
        if (!reply.collection().equals(BlueskyPublishing.POST)) {
            throw ConnectorException.of(Kind.UNSUPPORTED, "bluesky.hideRepliesOnly");
        }
        String ours = BlueskyPublishing.did(account);
        AtUri root = AtUri.parse(root(account, interaction));
        if (!root.repo().equals(ours)) {
            throw ConnectorException.of(Kind.UNSUPPORTED, "bluesky.hideOutsideOurThreads");
        }
        ObjectNode gate;
        try {
            JsonNode existing = xrpc.query(account, "com.atproto.repo.getRecord",
                    params("repo", ours, "collection", BlueskyPublishing.THREADGATE, "rkey", root.rkey()));
            JsonNode value = existing.get("value");
            if (value == null || !value.isObject()) {
                throw Xrpc.malformed(null);
            }
            gate = (ObjectNode) value;
        } catch (ConnectorException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
            if (!hide) {
                return;
            }
            gate = xrpc.json().createObjectNode();
            gate.put("$type", BlueskyPublishing.THREADGATE);
            gate.put("post", root.toString());
            gate.put("createdAt", BlueskyPublishing.timestamp(xrpc.clock().instant()));
        }
        List<String> hidden = new ArrayList<>();
        gate.path("hiddenReplies").forEach(node -> hidden.add(node.asString()));
        String uri = reply.toString();
        boolean changed = hide ? !hidden.contains(uri) && hidden.add(uri) : hidden.remove(uri);
        if (!changed) {
            return;
        }
        if (hidden.size() > MAX_HIDDEN_REPLIES) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.tooManyHidden", MAX_HIDDEN_REPLIES);
        }
        ArrayNode list = gate.putArray("hiddenReplies");
        hidden.forEach(list::add);
        xrpc.procedure(account, "com.atproto.repo.putRecord", Map.of("repo", ours, "collection",
                BlueskyPublishing.THREADGATE, "rkey", root.rkey(), "record", gate), Safety.RETRYABLE);
    }

    /** The first post of the reply's thread: from the notification kept, else from the AppView. */
    private String root(AccountContext account, Interaction interaction) {
        Optional<String> fromRaw = Optional.empty();
        if (interaction.raw() != null && !interaction.raw().isBlank()) {
            try {
                fromRaw = Optional.ofNullable(text(xrpc.json().readTree(interaction.raw()).path("record").path("reply")
                        .path("root"), "uri"));
            } catch (JacksonException e) {
                fromRaw = Optional.empty();
            }
        }
        if (fromRaw.isPresent()) {
            return fromRaw.get();
        }
        JsonNode posts = xrpc.query(account, "app.bsky.feed.getPosts", params("uris", List.of(interaction.externalId())))
                .path("posts");
        for (JsonNode post : posts) {
            String root = text(post.path("record").path("reply").path("root"), "uri");
            if (root != null) {
                return root;
            }
        }
        throw ConnectorException.of(Kind.UNSUPPORTED, "bluesky.hideRepliesOnly");
    }

    private String cid(Interaction interaction) {
        if (interaction.raw() == null) {
            return null;
        }
        try {
            return text(xrpc.json().readTree(interaction.raw()), "cid");
        } catch (JacksonException e) {
            return null;
        }
    }
}

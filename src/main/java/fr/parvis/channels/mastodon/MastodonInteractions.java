package fr.parvis.channels.mastodon;

import static fr.parvis.channels.mastodon.MastodonApi.encode;
import static fr.parvis.channels.mastodon.MastodonApi.instant;
import static fr.parvis.channels.mastodon.MastodonApi.text;
import static fr.parvis.channels.mastodon.MastodonApi.uri;

import fr.parvis.channels.mastodon.MastodonApi.Answer;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Inbound interactions from {@code GET /api/v1/notifications} (mentions, favourites, boosts), and
 * what Mastodon lets an account do about others' statuses: block their author, report them.
 *
 * <p>A mention that answers a status of ours is a comment (it answers our post) or a reply (it
 * answers someone else inside one of our threads); {@code postExternalId} is then the first status of
 * ours in the thread, found with {@code GET /api/v1/statuses/:id/context} and remembered per parent.
 * A mention with {@code visibility: direct} is a private message.
 */
final class MastodonInteractions implements Interactions, Moderation {

    /** Prefix of the ids of favourites and boosts, which have no status of their own. */
    static final String NOTIFICATION_PREFIX = "notification:";

    private static final int THREAD_CACHE_SIZE = 2_000;

    private final MastodonApi api;
    private final MastodonSettings settings;
    private final Map<String, Optional<String>> threadRoots = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > THREAD_CACHE_SIZE;
                }
            });

    MastodonInteractions(MastodonApi api, MastodonSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    // ---- Reading --------------------------------------------------------------------------------

    /**
     * Notifications after the cursor, oldest first. The cursor is a notification id used as
     * {@code min_id} (Mastodon pages forward from it without gaps); from the start, {@code min_id=0}
     * reads from the oldest notification the instance keeps.
     */
    @Override
    public InteractionPage since(AccountContext account, Cursor since) {
        String from = since == null || since.atStart() ? "0" : since.value();
        Answer answer = api.get(account, "/api/v1/notifications?limit=" + settings.pageSize()
                + "&types%5B%5D=mention&types%5B%5D=favourite&types%5B%5D=reblog&min_id=" + encode(from));
        JsonNode notifications = MastodonPublishing.array(answer.json());
        List<JsonNode> ordered = new ArrayList<>();
        notifications.forEach(ordered::add);
        ordered.sort(Comparator.comparing(n -> String.valueOf(text(n, "id")), MastodonPublishing.ID_ORDER));
        List<Interaction> items = new ArrayList<>();
        for (JsonNode notification : ordered) {
            toInteraction(account, notification).ifPresent(items::add);
        }
        String newest = ordered.isEmpty() ? null : text(ordered.get(ordered.size() - 1), "id");
        return new InteractionPage(items, MastodonPublishing.nextCursor(answer, newest, since),
                notifications.size() >= settings.pageSize());
    }

    /** The interaction a notification stands for; empty for kinds Parvis does not read (follows…). */
    Optional<Interaction> toInteraction(AccountContext account, JsonNode notification) {
        String id = text(notification, "id");
        String type = text(notification, "type");
        JsonNode status = notification.get("status");
        if (id == null || type == null) {
            throw MastodonApi.malformed(null);
        }
        String raw = api.json().writeValueAsString(notification);
        Author author = author(notification.path("account"), account);
        Instant notifiedAt = instant(notification, "created_at");
        if (status == null || status.isNull()) {
            return Optional.empty();
        }
        String statusId = text(status, "id");
        switch (type) {
            case "favourite", "reblog" -> {
                InteractionType kind = type.equals("favourite") ? InteractionType.REACTION : InteractionType.SHARE;
                return Optional.of(new Interaction(NOTIFICATION_PREFIX + id, kind, statusId, statusId, author, null,
                        notifiedAt, uri(url(status)), raw));
            }
            case "mention" -> {
                String text = statusText(account, status);
                Instant createdAt = instant(status, "created_at");
                String parent = text(status, "in_reply_to_id");
                if ("direct".equals(text(status, "visibility"))) {
                    return Optional.of(new Interaction(statusId, InteractionType.DIRECT_MESSAGE, null, parent, author,
                            text, createdAt, uri(url(status)), raw));
                }
                if (parent == null) {
                    return Optional.of(new Interaction(statusId, InteractionType.MENTION, null, null, author, text,
                            createdAt, uri(url(status)), raw));
                }
                Optional<String> ours = threadRoot(account, status, parent);
                InteractionType kind = ours.isEmpty() ? InteractionType.MENTION
                        : ours.get().equals(parent) ? InteractionType.COMMENT : InteractionType.REPLY;
                return Optional.of(new Interaction(statusId, kind, ours.orElse(null), parent, author, text, createdAt,
                        uri(url(status)), raw));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The first status of ours in the thread above {@code status}, if any. */
    private Optional<String> threadRoot(AccountContext account, JsonNode status, String parent) {
        String key = account.baseUrl() + "|" + account.externalId() + "|" + parent;
        Optional<String> known = threadRoots.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> root;
        try {
            JsonNode context = api.get(account, "/api/v1/statuses/" + encode(text(status, "id")) + "/context").json();
            root = Optional.empty();
            for (JsonNode ancestor : context.path("ancestors")) {
                if (isOurs(account, ancestor)) {
                    root = Optional.ofNullable(text(ancestor, "id"));
                    break;
                }
            }
        } catch (ConnectorException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
            boolean answersUs = account.externalId() != null
                    && account.externalId().equals(text(status, "in_reply_to_account_id"));
            return answersUs ? Optional.of(parent) : Optional.empty();
        }
        threadRoots.put(key, root);
        return root;
    }

    private static boolean isOurs(AccountContext account, JsonNode status) {
        return account.externalId() != null && account.externalId().equals(text(status.path("account"), "id"));
    }

    /**
     * The status's text: its content warning (if any) and its HTML as plain text, without the
     * mentions of our own account that open a reply (Mastodon puts them there automatically).
     */
    static String statusText(AccountContext account, JsonNode status) {
        String body = HtmlText.toPlainText(text(status, "content"));
        String username = username(account.handle());
        boolean mentionsUs = false;
        for (JsonNode mention : status.path("mentions")) {
            mentionsUs |= account.externalId() != null && account.externalId().equals(text(mention, "id"));
        }
        if (mentionsUs && username != null) {
            Pattern leading = Pattern.compile("^(?:@" + Pattern.quote(username) + "(?:@[\\w.-]+)?\\s+)+",
                    Pattern.CASE_INSENSITIVE);
            body = leading.matcher(body).replaceFirst("");
        }
        String warning = text(status, "spoiler_text");
        return warning == null || warning.isBlank() ? body : warning.strip() + "\n\n" + body;
    }

    static Author author(JsonNode account, AccountContext us) {
        if (account == null || account.isMissingNode() || account.isNull()) {
            return null;
        }
        String acct = text(account, "acct");
        String handle = acct == null ? null : "@" + (acct.contains("@") ? acct : acct + "@" + domain(us));
        String name = text(account, "display_name");
        return new Author(text(account, "id"), handle, name == null || name.isBlank() ? text(account, "username")
                : name);
    }

    /** The domain of our handles ({@code @user@domain}), or the instance's host. */
    static String domain(AccountContext account) {
        String handle = account.handle();
        if (handle != null) {
            String bare = handle.startsWith("@") ? handle.substring(1) : handle;
            int at = bare.indexOf('@');
            if (at > 0 && at < bare.length() - 1) {
                return bare.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        }
        return account.baseUrl() == null ? "" : account.baseUrl().getHost().toLowerCase(Locale.ROOT);
    }

    private static String username(String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = bare.indexOf('@');
        return at < 0 ? bare : bare.substring(0, at);
    }

    private static String url(JsonNode status) {
        return text(status, "url") != null ? text(status, "url") : text(status, "uri");
    }

    // ---- Moderation -----------------------------------------------------------------------------

    /**
     * Mastodon cannot hide or delete others' statuses, even under ours: it lets the account block
     * their author ({@code POST /api/v1/accounts/:id/block}) or report them to the moderators
     * ({@code POST /api/v1/reports}, forwarded to the author's instance when it is another one).
     */
    @Override
    public void apply(AccountContext account, ModerationAction action, Interaction interaction) {
        Author author = interaction.author();
        if (author == null || author.externalId() == null) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "mastodon.noAuthor");
        }
        switch (action) {
            case BLOCK_AUTHOR -> api.postForm(account, "/api/v1/accounts/" + encode(author.externalId()) + "/block",
                    Map.of());
            case REPORT -> {
                Map<String, List<String>> form = new LinkedHashMap<>();
                form.put("account_id", List.of(author.externalId()));
                if (interaction.externalId() != null && !interaction.externalId().startsWith(NOTIFICATION_PREFIX)) {
                    form.put("status_ids[]", List.of(interaction.externalId()));
                }
                String handle = author.handle() == null ? "" : author.handle().toLowerCase(Locale.ROOT);
                boolean remote = !handle.endsWith("@" + domain(account));
                form.put("forward", List.of(String.valueOf(remote)));
                api.postForm(account, "/api/v1/reports", form);
            }
            default -> throw ConnectorException.of(Kind.UNSUPPORTED, "connector.unsupported");
        }
    }
}

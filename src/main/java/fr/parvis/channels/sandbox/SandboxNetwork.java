package fr.parvis.channels.sandbox;

import fr.parvis.channels.sandbox.domain.SandboxAccount;
import fr.parvis.channels.sandbox.domain.SandboxAccounts;
import fr.parvis.channels.sandbox.domain.SandboxBlock;
import fr.parvis.channels.sandbox.domain.SandboxBlocks;
import fr.parvis.channels.sandbox.domain.SandboxFollowerSample;
import fr.parvis.channels.sandbox.domain.SandboxFollowerSamples;
import fr.parvis.channels.sandbox.domain.SandboxInteraction;
import fr.parvis.channels.sandbox.domain.SandboxInteractions;
import fr.parvis.channels.sandbox.domain.SandboxPost;
import fr.parvis.channels.sandbox.domain.SandboxPosts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.Author;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.channels.sandbox.domain.SandboxPostVideo;
import fr.parvis.channels.sandbox.domain.SandboxPostVideos;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PostMetrics;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.SearchResult;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.Texts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The simulated network itself: its accounts (with their tokens), posts, audience interactions and
 * their moderation, in the current collectivité's own tables. The {@link SandboxConnector} talks
 * to it as other connectors talk to a remote API; the audience (simulation or API) writes to it.
 */
@Component
public class SandboxNetwork {

    private static final Logger log = LoggerFactory.getLogger(SandboxNetwork.class);

    /** Handles of the network: lower-case letters, digits, dots, dashes, underscores. */
    static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    static final int PAGE = 200;
    static final int MAX_INTERACTION_TEXT = 2000;
    static final Duration SCHEDULE_LEAD = Duration.ofMinutes(5);

    /** The largest video the Sandbox keeps (in the database, like a network would on its disks). */
    static final long MAX_VIDEO_BYTES = 50_000_000L;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final SandboxAccounts accounts;
    private final SandboxPosts posts;
    private final SandboxPostVideos videos;
    private final SandboxInteractions interactions;
    private final SandboxBlocks blocks;
    private final SandboxFollowerSamples samples;
    private final SandboxSimulation simulation;
    private final SandboxProperties properties;
    private final Clock clock;
    private final Map<UUID, List<Consumer<Interaction>>> listeners = new ConcurrentHashMap<>();

    SandboxNetwork(SandboxAccounts accounts, SandboxPosts posts, SandboxInteractions interactions,
            SandboxBlocks blocks, SandboxFollowerSamples samples, SandboxSimulation simulation,
            SandboxProperties properties, Clock clock, SandboxPostVideos videos) {
        this.videos = videos;
        this.accounts = accounts;
        this.posts = posts;
        this.interactions = interactions;
        this.blocks = blocks;
        this.samples = samples;
        this.simulation = simulation;
        this.properties = properties;
        this.clock = clock;
    }

    /** An account just opened (or reopened) and its new token. */
    public record Opened(SandboxAccount account, String token) {
    }

    // ---- Accounts -------------------------------------------------------------------------------

    /**
     * Opens an account of the collectivité's Sandbox, or reopens the one with this handle (its
     * history is kept and a new token replaces the old one).
     */
    @Transactional
    public Opened open(String handle, String displayName, SandboxCorpus.Theme theme) {
        String normalized = normalizeHandle(handle);
        String token = "sbx_" + randomToken();
        String name = Texts.abbreviate(Texts.clean(displayName), 200);
        Optional<SandboxAccount> existing = accounts.findByHandle(normalized);
        if (existing.isPresent()) {
            existing.get().issueToken(hash(token), name);
            return new Opened(existing.get(), token);
        }
        SandboxCorpus.Theme chosen = theme != null ? theme : themeOf(normalized + " " + (name == null ? "" : name));
        long seed = seedOf(normalized);
        long base = 150 + Math.floorMod(seed, 650);
        SandboxAccount account = accounts.saveAndFlush(new SandboxAccount(normalized, name == null ? normalized : name,
                chosen.name(), hash(token), seed, base, clock.instant()));
        return new Opened(account, token);
    }

    /** The seed of an account: the configured seed combined with its handle. */
    long seedOf(String handle) {
        long value = 0;
        for (byte b : handle.getBytes(StandardCharsets.UTF_8)) {
            value = value * 31 + b;
        }
        return SandboxSimulation.mix(properties.seed(), value);
    }

    static String normalizeHandle(String handle) {
        String value = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("@")) {
            value = value.substring(1);
        }
        if (!HANDLE.matcher(value).matches()) {
            throw new InvalidInputException("sandbox.handle.invalid", "handle", Texts.abbreviate(handle, 60));
        }
        return value;
    }

    static SandboxCorpus.Theme themeOf(String text) {
        String folded = Texts.foldAccents(text);
        if (folded.contains("jeune")) {
            return SandboxCorpus.Theme.JEUNESSE;
        }
        if (folded.contains("entrepr") || folded.contains("commerce") || folded.contains("eco")) {
            return SandboxCorpus.Theme.ENTREPRENDRE;
        }
        return SandboxCorpus.Theme.GENERAL;
    }

    /** The account the context speaks for, if its token is the current one. */
    @Transactional(readOnly = true)
    public SandboxAccount authenticate(AccountContext context) {
        return check(context);
    }

    /**
     * The account, locked for the transaction, then checked: locking first means the row read is
     * the current one even when concurrent publications on the account just changed it.
     */
    private SandboxAccount checkLocked(AccountContext context) {
        return verify(context, lock(idOf(context)));
    }

    private static UUID idOf(AccountContext context) {
        try {
            return UUID.fromString(context.externalId());
        } catch (RuntimeException e) {
            throw ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked");
        }
    }

    private SandboxAccount verify(AccountContext context, SandboxAccount account) {
        String token = context.credentials() == null ? null : context.credentials().accessToken();
        if (token == null || !MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                account.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked");
        }
        return account;
    }

    private SandboxAccount check(AccountContext context) {
        UUID id;
        try {
            id = UUID.fromString(context.externalId());
        } catch (RuntimeException e) {
            throw ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked");
        }
        SandboxAccount account = accounts.findById(id)
                .orElseThrow(() -> ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked"));
        String token = context.credentials() == null ? null : context.credentials().accessToken();
        if (token == null || !MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                account.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked");
        }
        return account;
    }

    /** Followers of the account now. */
    public long followers(SandboxAccount account) {
        return simulation.followers(account.seed(), account.baseFollowers(), account.openedAt(), clock.instant());
    }

    @Transactional(readOnly = true)
    public AccountMetrics accountMetrics(AccountContext context) {
        SandboxAccount account = check(context);
        long published = posts.countByAccountIdAndStatus(account.id(), SandboxPost.Status.PUBLISHED);
        return new AccountMetrics(clock.instant(), followers(account), 0L, published);
    }

    // ---- Publishing -----------------------------------------------------------------------------

    @Transactional
    public PublishedPost publish(AccountContext context, PostDraft draft) {
        SandboxAccount account = checkLocked(context);
        checkVideos(draft);
        if (draft.idempotencyKey() != null) {
            Optional<SandboxPost> done = posts.findFirstByAccountIdAndIdempotencyKey(account.id(),
                    Texts.abbreviate(draft.idempotencyKey(), 200)).filter(p -> p.status() == SandboxPost.Status.PUBLISHED);
            if (done.isPresent()) {
                return view(account, done.get());
            }
        }
        SandboxPost post = newPost(account, draft);
        post.publish(clock.instant());
        SandboxPost saved = posts.saveAndFlush(post);
        keepVideos(saved, draft);
        return view(account, saved);
    }

    /** One publication of a group (see {@link #publishAll}). */
    public record Request(AccountContext context, PostDraft draft) {
    }

    /** What came of one request of a group: the post, or why the network refused it. */
    public record Written(PublishedPost post, RuntimeException refusal) {
    }

    /** Whether a draft can be written with others by {@link #publishAll} (no video, not a reply). */
    public static boolean groupable(PostDraft draft) {
        return draft.videos().isEmpty() && draft.replyTo() == null;
    }

    /**
     * Publishes several posts in one transaction, as a network commits concurrent requests
     * together: the accounts locked once (in the order of their ids), the idempotency keys looked
     * up in one query, the posts inserted in one JDBC batch. Each request is checked on its own
     * (token, idempotency key, within the group too): a refused request does not stop the others.
     * Only {@link #groupable} drafts; the others go through {@link #publish}.
     */
    @Transactional
    public List<Written> publishAll(List<Request> requests) {
        if (!requests.stream().allMatch(r -> groupable(r.draft()))) {
            throw new IllegalArgumentException("a video or a reply is published on its own");
        }
        Set<UUID> ids = new TreeSet<>();
        for (Request request : requests) {
            try {
                ids.add(idOf(request.context()));
            } catch (ConnectorException e) {
                // refused below, with the others checked
            }
        }
        Map<UUID, SandboxAccount> locked = new HashMap<>();
        accounts.lockAllById(ids).forEach(account -> locked.put(account.id(), account));
        Set<String> keys = requests.stream().map(r -> r.draft().idempotencyKey()).filter(Objects::nonNull)
                .map(key -> Texts.abbreviate(key, 200)).collect(Collectors.toSet());
        Map<String, SandboxPost> byKey = new HashMap<>();
        if (!keys.isEmpty() && !locked.isEmpty()) {
            for (SandboxPost post : posts.findByAccountIdInAndIdempotencyKeyIn(locked.keySet(), keys)) {
                if (post.status() == SandboxPost.Status.PUBLISHED) {
                    byKey.putIfAbsent(post.accountId() + "/" + post.idempotencyKey(), post);
                }
            }
        }
        Instant now = clock.instant();
        List<SandboxPost> created = new ArrayList<>();
        List<Written> written = new ArrayList<>(requests.size());
        for (Request request : requests) {
            try {
                SandboxAccount account = locked.get(idOf(request.context()));
                if (account == null) {
                    throw ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked");
                }
                verify(request.context(), account);
                String key = request.draft().idempotencyKey() == null ? null
                        : account.id() + "/" + Texts.abbreviate(request.draft().idempotencyKey(), 200);
                SandboxPost post = key == null ? null : byKey.get(key);
                if (post == null) {
                    post = newPost(account, request.draft());
                    post.publish(now);
                    created.add(post);
                    if (key != null) {
                        byKey.put(key, post);
                    }
                }
                written.add(new Written(view(account, post), null));
            } catch (ConnectorException | DomainException e) {
                written.add(new Written(null, e));
            }
        }
        posts.saveAll(created);
        posts.flush();
        return written;
    }

    /** Refuses, before anything is written, a video the Sandbox would not take. */
    private static void checkVideos(PostDraft draft) {
        if (draft.videos().isEmpty()) {
            return;
        }
        List<DraftProblem> problems = SandboxConnector.PROFILE.check(draft).stream()
                .filter(p -> p.field().startsWith("videos")).toList();
        if (!problems.isEmpty()) {
            DraftProblem first = problems.get(0);
            throw ConnectorException.of(Kind.INVALID_REQUEST, first.messageKey(), first.arguments());
        }
    }

    /** Keeps the videos of a post as the network would: bytes, description, subtitles. */
    private void keepVideos(SandboxPost post, PostDraft draft) {
        for (int i = 0; i < draft.videos().size(); i++) {
            VideoAttachment video = draft.videos().get(i);
            byte[] bytes = video.readAll(MAX_VIDEO_BYTES);
            videos.save(new SandboxPostVideo(post.id(), i + 1, video.mediaType(), bytes,
                    Texts.abbreviate(video.altText(), 1500), video.subtitles() == null ? null
                            : video.subtitles().webVtt(), video.subtitles() == null ? null
                                    : Texts.abbreviate(video.subtitles().language(), 20), video.burnedInSubtitles(),
                    video.duration() == null ? null : video.duration().toMillis()));
        }
    }

    /** The videos kept for these posts of the account, by post, without their bytes. */
    @Transactional(readOnly = true)
    public Map<String, List<SandboxPostVideos.Summary>> videos(UUID sandboxAccountId, List<String> postExternalIds) {
        Map<UUID, String> byId = new java.util.HashMap<>();
        for (String externalId : postExternalIds) {
            posts.findByAccountIdAndExternalId(sandboxAccountId, externalId)
                    .ifPresent(post -> byId.put(post.id(), externalId));
        }
        if (byId.isEmpty()) {
            return Map.of();
        }
        Map<String, List<SandboxPostVideos.Summary>> found = new java.util.LinkedHashMap<>();
        for (SandboxPostVideos.Summary video : videos.findByPostIdInOrderByPositionAsc(List.copyOf(byId.keySet()))) {
            found.computeIfAbsent(byId.get(video.getPostId()), k -> new ArrayList<>()).add(video);
        }
        return found;
    }

    /** A video of one of the account's posts ({@code position} from 1); empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<SandboxPostVideo> video(UUID sandboxAccountId, String postExternalId, int position) {
        return posts.findByAccountIdAndExternalId(sandboxAccountId, postExternalId)
                .flatMap(post -> videos.findByPostIdAndPosition(post.id(), position));
    }

    private SandboxPost newPost(SandboxAccount account, PostDraft draft) {
        if (draft.replyTo() != null && posts.findByAccountIdAndExternalId(account.id(), draft.replyTo()).isEmpty()
                && !interactions.existsByAccountIdAndExternalId(account.id(), draft.replyTo())) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "sandbox.replyTargetMissing", draft.replyTo());
        }
        String images = draft.images().isEmpty() && draft.videos().isEmpty() ? null : Texts.abbreviate(
                java.util.stream.Stream.concat(draft.images().stream().map(SandboxNetwork::describe),
                        draft.videos().stream().map(SandboxNetwork::describe)).collect(Collectors.joining("\n")), 4000);
        return new SandboxPost(account.id(), account.takePostSeq(), Texts.abbreviate(draft.text(), 10_000),
                draft.link() == null ? null : Texts.abbreviate(draft.link().toString(), 1000), draft.replyTo(), images,
                Texts.abbreviate(draft.language(), 20), Texts.abbreviate(draft.idempotencyKey(), 200));
    }

    private static String describe(VideoAttachment video) {
        return video.mediaType() + " " + video.size() + " o" + (video.subtitles() != null ? " [sous-titres "
                + video.subtitles().language() + "]" : video.burnedInSubtitles() ? " [sous-titres incrustés]" : "")
                + " : " + Texts.abbreviate(video.altText(), 1500);
    }

    private static String describe(ImageAttachment image) {
        return image.mediaType() + " " + image.size() + " o : " + Texts.abbreviate(image.altText(), 1500);
    }

    /** Looks a publication up by its idempotency key: the Sandbox keeps every key, so it can tell. */
    @Transactional(readOnly = true)
    public PublishLookup lookup(AccountContext context, PostDraft draft) {
        SandboxAccount account = check(context);
        if (draft.idempotencyKey() == null) {
            return new PublishLookup.Unknown("no idempotency key");
        }
        return posts.findFirstByAccountIdAndIdempotencyKey(account.id(), Texts.abbreviate(draft.idempotencyKey(), 200))
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED)
                .<PublishLookup>map(p -> new PublishLookup.Found(view(account, p)))
                .orElseGet(PublishLookup.Absent::new);
    }

    @Transactional(readOnly = true)
    public Optional<PublishedPost> read(AccountContext context, String postExternalId) {
        SandboxAccount account = check(context);
        return posts.findByAccountIdAndExternalId(account.id(), postExternalId)
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED).map(p -> view(account, p));
    }

    @Transactional
    public void delete(AccountContext context, String postExternalId) {
        SandboxAccount account = check(context);
        posts.findByAccountIdAndExternalId(account.id(), postExternalId)
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED).ifPresent(p -> p.delete(clock.instant()));
    }

    @Transactional
    public String schedule(AccountContext context, PostDraft draft, Instant at) {
        SandboxAccount account = checkLocked(context);
        checkVideos(draft);
        if (at == null || at.isBefore(clock.instant().plus(SCHEDULE_LEAD))) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "sandbox.scheduleTooSoon", SCHEDULE_LEAD.toMinutes());
        }
        if (draft.idempotencyKey() != null) {
            Optional<SandboxPost> done = posts.findFirstByAccountIdAndIdempotencyKey(account.id(),
                    Texts.abbreviate(draft.idempotencyKey(), 200)).filter(p -> p.status() == SandboxPost.Status.SCHEDULED);
            if (done.isPresent()) {
                return done.get().externalId();
            }
        }
        SandboxPost post = newPost(account, draft);
        post.schedule(at);
        SandboxPost saved = posts.saveAndFlush(post);
        keepVideos(saved, draft);
        return saved.externalId();
    }

    @Transactional
    public void cancel(AccountContext context, String scheduledExternalId) {
        SandboxAccount account = check(context);
        SandboxPost post = posts.findByAccountIdAndExternalId(account.id(), scheduledExternalId)
                .filter(p -> p.status() == SandboxPost.Status.SCHEDULED)
                .orElseThrow(() -> ConnectorException.of(Kind.NOT_FOUND, "connector.notFound"));
        post.cancel();
    }

    @Transactional(readOnly = true)
    public PostPage timeline(AccountContext context, Cursor since) {
        SandboxAccount account = check(context);
        long after = seqOf(since);
        List<SandboxPost> page = posts.findByAccountIdAndStatusAndSeqGreaterThanOrderBySeqAsc(account.id(),
                SandboxPost.Status.PUBLISHED, after, PageRequest.of(0, PAGE));
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new PostPage(page.stream().map(p -> view(account, p)).toList(),
                new Cursor(String.valueOf(last)), page.size() == PAGE);
    }

    // ---- Interactions ---------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public InteractionPage interactions(AccountContext context, Cursor since) {
        SandboxAccount account = check(context);
        long after = seqOf(since);
        List<SandboxInteraction> page = interactions.findByAccountIdAndSeqGreaterThanAndDeletedAtIsNullOrderBySeqAsc(
                account.id(), after, PageRequest.of(0, PAGE));
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new InteractionPage(page.stream().map(i -> view(account, i)).toList(),
                new Cursor(String.valueOf(last)), page.size() == PAGE);
    }

    @Transactional(readOnly = true)
    public SearchResult search(AccountContext context, String query, Cursor cursor) {
        SandboxAccount account = check(context);
        String needle = Texts.clean(query);
        if (needle == null || needle.length() > 200) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "sandbox.search.invalid");
        }
        String like = "%" + needle.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        long after = seqOf(cursor);
        List<SandboxInteraction> found = interactions.searchPublic(like, after, PageRequest.of(0, 50));
        long last = found.isEmpty() ? after : found.get(found.size() - 1).seq();
        return new SearchResult(found.stream().map(i -> view(account, i)).toList(), new Cursor(String.valueOf(last)));
    }

    @Transactional
    public void moderate(AccountContext context, ModerationAction action, Interaction target) {
        SandboxAccount account = check(context);
        SandboxInteraction interaction = interactions.findByAccountIdAndExternalId(account.id(), target.externalId())
                .filter(i -> i.deletedAt() == null || action == ModerationAction.DELETE)
                .orElseThrow(() -> ConnectorException.of(Kind.NOT_FOUND, "connector.notFound"));
        Instant now = clock.instant();
        switch (action) {
            case HIDE -> interaction.hide(now);
            case UNHIDE -> interaction.unhide();
            case DELETE -> interaction.delete(now);
            case REPORT -> interaction.report(now);
            case BLOCK_AUTHOR -> {
                if (!blocks.existsByAccountIdAndAuthorHandle(account.id(), interaction.authorHandle())) {
                    blocks.save(new SandboxBlock(account.id(), interaction.authorHandle()));
                }
            }
        }
    }

    /** Whether the public still sees the interaction (neither hidden nor deleted). */
    @Transactional(readOnly = true)
    public boolean publiclyVisible(UUID accountId, String externalId) {
        return interactions.findByAccountIdAndExternalId(accountId, externalId)
                .map(i -> i.hiddenAt() == null && i.deletedAt() == null).orElse(false);
    }

    @Transactional(readOnly = true)
    public PostMetrics postMetrics(AccountContext context, String postExternalId) {
        SandboxAccount account = check(context);
        SandboxPost post = posts.findByAccountIdAndExternalId(account.id(), postExternalId)
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED)
                .orElseThrow(() -> ConnectorException.of(Kind.NOT_FOUND, "connector.notFound"));
        long reactions = interactions.countByAccountIdAndPostExternalIdAndTypeInAndDeletedAtIsNull(account.id(),
                post.externalId(), List.of(InteractionType.REACTION));
        long comments = interactions.countByAccountIdAndPostExternalIdAndTypeInAndDeletedAtIsNull(account.id(),
                post.externalId(), List.of(InteractionType.COMMENT, InteractionType.REPLY));
        long shares = interactions.countByAccountIdAndPostExternalIdAndTypeInAndDeletedAtIsNull(account.id(),
                post.externalId(), List.of(InteractionType.SHARE));
        // a simple model of what the network would show: followers who saw it, and the friends of those who shared
        long reach = Math.round(followers(account) * 0.35) + shares * 40;
        long impressions = Math.round(reach * 1.3) + reactions + comments;
        return new PostMetrics(post.externalId(), clock.instant(), reactions, comments, shares, 0L, impressions, reach);
    }

    // ---- The audience -----------------------------------------------------------------------------

    /** An interaction someone makes on the network (audience API). */
    public record Incoming(InteractionType type, String postExternalId, String parentExternalId, String authorHandle,
            String authorName, String text) {
    }

    /** Adds an interaction of the audience (checked like the network would) and tells subscribers. */
    @Transactional
    public SandboxInteraction receive(UUID accountId, Incoming incoming) {
        SandboxAccount account = accounts.lockById(accountId)
                .orElseThrow(() -> new InvalidInputException("sandbox.audience.notSandbox", "accountId", accountId));
        String author = normalizeAuthor(incoming.authorHandle());
        if (blocks.existsByAccountIdAndAuthorHandle(account.id(), author)) {
            throw new InvalidInputException("sandbox.audience.blocked", "author", author);
        }
        String post = Texts.clean(incoming.postExternalId());
        String parent = Texts.clean(incoming.parentExternalId());
        InteractionType type = incoming.type();
        boolean onPost = type == InteractionType.COMMENT || type == InteractionType.REPLY
                || type == InteractionType.REACTION || type == InteractionType.SHARE;
        if (onPost) {
            if (post == null) {
                throw new InvalidInputException("sandbox.audience.targetRequired", "postExternalId", type.name());
            }
            posts.findByAccountIdAndExternalId(account.id(), post)
                    .filter(p -> p.status() == SandboxPost.Status.PUBLISHED)
                    .orElseThrow(() -> new InvalidInputException("sandbox.audience.targetUnknown", "postExternalId",
                            Texts.abbreviate(post, 40)));
        } else if (post != null) {
            throw new InvalidInputException("sandbox.audience.targetForbidden", "postExternalId", type.name());
        }
        if (type == InteractionType.REPLY) {
            if (parent == null) {
                throw new InvalidInputException("sandbox.audience.parentRequired", "parentExternalId");
            }
            interactions.findByAccountIdAndExternalId(account.id(), parent)
                    .filter(i -> post.equals(i.postExternalId()) && i.deletedAt() == null
                            && (i.type() == InteractionType.COMMENT || i.type() == InteractionType.REPLY))
                    .orElseThrow(() -> new InvalidInputException("sandbox.audience.parentUnknown", "parentExternalId",
                            Texts.abbreviate(parent, 40)));
        } else if (parent != null) {
            throw new InvalidInputException("sandbox.audience.parentForbidden", "parentExternalId", type.name());
        }
        String text = Texts.clean(incoming.text());
        boolean textual = type != InteractionType.REACTION && type != InteractionType.SHARE;
        if (textual && text == null) {
            throw new InvalidInputException("sandbox.audience.textRequired", "text", type.name());
        }
        if (!textual && text != null) {
            throw new InvalidInputException("sandbox.audience.textForbidden", "text", type.name());
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_INTERACTION_TEXT) {
            throw new InvalidInputException("sandbox.audience.textTooLong", "text", MAX_INTERACTION_TEXT);
        }
        long seq = account.takeInteractionSeq();
        SandboxInteraction saved = interactions.saveAndFlush(new SandboxInteraction(account.id(), seq, "a" + seq, type,
                null, SandboxInteraction.Origin.AUDIENCE, post, type == InteractionType.REPLY ? parent
                        : onPost ? post : null, author, Texts.abbreviate(Texts.clean(incoming.authorName()), 200), text,
                clock.instant()));
        announce(account, List.of(saved));
        return saved;
    }

    static String normalizeAuthor(String handle) {
        String value = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("@")) {
            value = value.substring(1);
        }
        if (!HANDLE.matcher(value).matches()) {
            throw new InvalidInputException("sandbox.audience.authorInvalid", "authorHandle",
                    Texts.abbreviate(handle, 60));
        }
        return value;
    }

    /**
     * Lets the simulated audience act from where it stopped until now: publishes the scheduled
     * posts that are due, then stores what the audience did meanwhile (at most the last 30 days).
     * Returns the number of new interactions.
     */
    @Transactional
    public int simulate(UUID accountId) {
        SandboxAccount account = lock(accountId);
        Instant now = clock.instant();
        if (!now.isAfter(account.simulatedUntil())) {
            return 0;
        }
        for (SandboxPost due : posts.findByAccountIdAndStatusAndScheduledAtLessThanEqual(account.id(),
                SandboxPost.Status.SCHEDULED, now)) {
            due.publish(due.scheduledAt());
        }
        Instant from = account.simulatedUntil();
        if (from.isBefore(now.minus(Duration.ofDays(30)))) {
            from = now.minus(Duration.ofDays(30));
        }
        List<SandboxSimulation.Post> alive = posts
                .findByAccountIdAndPublishedAtGreaterThanAndPublishedAtLessThanEqualOrderBySeqAsc(account.id(),
                        from.minus(SandboxSimulation.ENGAGEMENT_WINDOW), now).stream()
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED || p.status() == SandboxPost.Status.DELETED)
                .map(p -> new SandboxSimulation.Post(p.seq(), p.externalId(), p.publishedAt(), p.deletedAt()))
                .toList();
        List<SandboxInteraction> created = new ArrayList<>();
        java.util.Set<String> blocked = blocks.findByAccountId(account.id()).stream().map(SandboxBlock::authorHandle)
                .collect(Collectors.toSet());
        for (SandboxSimulation.Post post : alive) {
            long audience = simulation.followers(account.seed(), account.baseFollowers(), account.openedAt(),
                    post.publishedAt());
            for (SandboxSimulation.Event event : simulation.lifeOf(account.seed(), audience, account.handle(), post)) {
                if (event.at().isAfter(from) && !event.at().isAfter(now)) {
                    store(account, event, blocked, created);
                }
            }
        }
        for (SandboxSimulation.Event event : simulation.ambient(account.seed(), account.handle(), from, now)) {
            store(account, event, blocked, created);
        }
        created.sort(java.util.Comparator.comparing(SandboxInteraction::occurredAt)
                .thenComparing(SandboxInteraction::externalId));
        List<SandboxInteraction> numbered = new ArrayList<>();
        for (SandboxInteraction pending : created) {
            numbered.add(new SandboxInteraction(account.id(), account.takeInteractionSeq(), pending.externalId(),
                    pending.type(), pending.category(), SandboxInteraction.Origin.SIMULATION, pending.postExternalId(),
                    pending.parentId(), pending.authorHandle(), pending.authorName(), pending.text(),
                    pending.occurredAt()));
        }
        interactions.saveAll(numbered);
        sample(account, now);
        account.simulatedUntil(now);
        announce(account, numbered);
        return numbered.size();
    }

    private void store(SandboxAccount account, SandboxSimulation.Event event, java.util.Set<String> blocked,
            List<SandboxInteraction> created) {
        if (blocked.contains(event.authorHandle())
                || interactions.existsByAccountIdAndExternalId(account.id(), event.externalId())) {
            return;
        }
        created.add(new SandboxInteraction(account.id(), 0, event.externalId(), event.type(), event.category(),
                SandboxInteraction.Origin.SIMULATION, event.postExternalId(), event.parentId(), event.authorHandle(),
                event.authorName(), Texts.abbreviate(event.text(), MAX_INTERACTION_TEXT), event.at()));
    }

    private void sample(SandboxAccount account, Instant now) {
        LocalDate day = now.atZone(SandboxSimulation.LOCAL).toLocalDate();
        long followers = followers(account);
        samples.findByAccountIdAndDay(account.id(), day).ifPresentOrElse(s -> s.followers(followers),
                () -> samples.save(new SandboxFollowerSample(account.id(), day, followers)));
    }

    // ---- Push -------------------------------------------------------------------------------------

    /** Receives the account's new interactions as they are stored (after commit). */
    public AutoCloseable subscribe(AccountContext context, Consumer<Interaction> receiver) {
        SandboxAccount account = authenticate(context);
        List<Consumer<Interaction>> list = listeners.computeIfAbsent(account.id(), k -> new CopyOnWriteArrayList<>());
        list.add(receiver);
        return () -> list.remove(receiver);
    }

    private void announce(SandboxAccount account, List<SandboxInteraction> created) {
        List<Consumer<Interaction>> receivers = listeners.get(account.id());
        if (receivers == null || receivers.isEmpty() || created.isEmpty()) {
            return;
        }
        List<Interaction> items = created.stream().filter(i -> i.deletedAt() == null).map(i -> view(account, i))
                .toList();
        Runnable send = () -> {
            for (Interaction item : items) {
                for (Consumer<Interaction> receiver : receivers) {
                    try {
                        receiver.accept(item);
                    } catch (RuntimeException e) {
                        log.warn("A Sandbox push receiver failed: {}", e.toString());
                    }
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private SandboxAccount lock(UUID id) {
        return accounts.lockById(id).orElseThrow(() -> ConnectorException.of(Kind.AUTH_REVOKED, "sandbox.tokenRevoked"));
    }

    private static long seqOf(Cursor cursor) {
        if (cursor == null || cursor.atStart()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor.value());
        } catch (NumberFormatException e) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "sandbox.cursor.invalid");
        }
    }

    static URI postUrl(SandboxAccount account, String externalId) {
        return URI.create("https://sandbox.parvis.invalid/@" + account.handle() + "/" + externalId);
    }

    static PublishedPost view(SandboxAccount account, SandboxPost post) {
        return new PublishedPost(post.externalId(), postUrl(account, post.externalId()), post.text(),
                post.publishedAt());
    }

    static Interaction view(SandboxAccount account, SandboxInteraction i) {
        String raw = "{\"network\":\"SANDBOX\",\"id\":\"" + i.externalId() + "\",\"type\":\"" + i.type()
                + "\",\"origin\":\"" + i.origin() + "\",\"category\":" + (i.category() == null ? "null"
                        : "\"" + i.category() + "\"") + ",\"seq\":" + i.seq() + "}";
        URI url = i.postExternalId() == null ? null
                : URI.create(postUrl(account, i.postExternalId()) + "#" + i.externalId());
        return new Interaction(i.externalId(), i.type(), i.postExternalId(), i.parentId(),
                new Author(i.authorHandle(), "@" + i.authorHandle(), i.authorName()), i.text(), i.occurredAt(), url,
                raw);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        TOKENS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

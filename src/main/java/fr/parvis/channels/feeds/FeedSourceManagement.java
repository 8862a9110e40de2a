package fr.parvis.channels.feeds;

import fr.parvis.channels.feeds.domain.FeedItem;
import fr.parvis.channels.feeds.domain.FeedItems;
import fr.parvis.channels.feeds.domain.FeedSource;
import fr.parvis.channels.feeds.domain.FeedSources;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * The RSS/Atom sources of the current collectivité: subscribing (the address is checked against
 * private networks), pausing, resuming, deleting, reading now, and the items read. Every member who
 * sees the social accounts sees the sources; changing them takes {@link Permission#CHANNELS_MANAGE}.
 * The periodic reading is the job's ({@code FeedJobs}); one reading is {@link FeedReading}'s.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class FeedSourceManagement {

    private final FeedSources sources;
    private final FeedItems items;
    private final FeedReading reading;
    private final OutboundGuard guard;
    private final FeedsProperties properties;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FeedSourceManagement(FeedSources sources, FeedItems items, FeedReading reading, OutboundGuard guard,
            FeedsProperties properties, AuditTrail audit, MessageSource messages, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.sources = sources;
        this.items = items;
        this.reading = reading;
        this.guard = guard;
        this.properties = properties;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public List<FeedSourceView> list() {
        return sources.findAllByOrderByCreatedAtAsc().stream().map(this::view).toList();
    }

    public FeedSourceView get(UUID id) {
        return view(load(id));
    }

    /** The newest items of a source, {@code size} per page (at most 100). */
    public FeedItemPage items(UUID id, int page, int size) {
        load(id);
        int boundedSize = Math.max(1, Math.min(size, 100));
        int boundedPage = Math.max(0, Math.min(page, 10_000));
        Page<FeedItem> found = items.findLatest(id, PageRequest.of(boundedPage, boundedSize));
        return new FeedItemPage(found.getContent().stream().map(FeedSourceManagement::view).toList(), boundedPage,
                boundedSize, found.getTotalElements(), found.getTotalPages());
    }

    /**
     * Subscribes a feed. The address must be http(s), at most {@value FeedsProperties#MAX_URL_LENGTH}
     * characters, and reach no private, loopback, link-local… address (unless allow-listed). The
     * first reading happens at the next run of the polling task, or at once with {@link #fetchNow}.
     */
    @Transactional(propagation = Propagation.NEVER)
    public FeedSourceView subscribe(@NotBlank @Size(max = FeedsProperties.MAX_URL_LENGTH) String url, FeedKind kind,
            @Size(max = 120) String label) {
        Actors.require(Permission.CHANNELS_MANAGE);
        URI uri = guard.check(url.strip(), "url"); // resolves the name: outside any transaction
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("feeds.url.userInfo", "url");
        }
        String normalized = normalize(uri);
        UUID by = Actors.currentAgent().map(agent -> agent.userId().value()).orElse(null);
        try {
            return transaction.execute(status -> {
                if (sources.findByUrl(normalized).isPresent()) {
                    throw new ConflictException("feeds.duplicate", "url", normalized);
                }
                if (sources.countBy() >= properties.maxSourcesPerCollectivite()) {
                    throw new InvalidInputException("feeds.tooMany", "url", properties.maxSourcesPerCollectivite());
                }
                FeedSource source = sources.saveAndFlush(new FeedSource(normalized,
                        kind == null ? FeedKind.OTHER : kind, Texts.clean(label), by, clock.instant()));
                audit.record(record("channels.feed.subscribed", source, AuditDetails.of("url", normalized, "kind",
                        source.kind().name())));
                return view(source);
            });
        } catch (DataIntegrityViolationException e) {
            // the same feed subscribed at the same instant by someone else
            throw new ConflictException("feeds.duplicate", "url", normalized);
        }
    }

    /** Changes the kind and label. */
    @Transactional
    public FeedSourceView describe(UUID id, FeedKind kind, @Size(max = 120) String label) {
        Actors.require(Permission.CHANNELS_MANAGE);
        FeedSource source = load(id);
        source.describe(kind == null ? source.kind() : kind, Texts.clean(label));
        return view(source);
    }

    @Transactional
    public FeedSourceView pause(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        FeedSource source = load(id);
        if (source.status() != FeedStatus.PAUSED) {
            source.pause();
            audit.record(record("channels.feed.paused", source, null));
        }
        return view(source);
    }

    @Transactional
    public FeedSourceView resume(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        FeedSource source = load(id);
        if (source.status() == FeedStatus.PAUSED) {
            source.resume(clock.instant());
            audit.record(record("channels.feed.resumed", source, null));
        }
        return view(source);
    }

    /** Unsubscribes: the source and its items are deleted. */
    @Transactional
    public void delete(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        FeedSource source = load(id);
        int deleted = items.deleteBySource(id);
        sources.delete(source);
        audit.record(record("channels.feed.deleted", source, AuditDetails.of("url", source.url(), "items",
                String.valueOf(deleted))));
    }

    /** Reads the source now, whatever its schedule (not when paused). */
    @Transactional(propagation = Propagation.NEVER)
    public FeedFetchReport fetchNow(UUID id) {
        Actors.require(Permission.CHANNELS_MANAGE);
        FeedSourceView source = get(id);
        if (source.status() == FeedStatus.PAUSED) {
            throw new InvalidInputException("feeds.paused", null);
        }
        return reading.fetch(id);
    }

    /** Lower-case scheme and host, no fragment: the same feed typed twice is found. */
    static String normalize(URI uri) {
        String text = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return text;
    }

    private FeedSource load(UUID id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("feeds.notFound"));
    }

    private static AuditRecord record(String action, FeedSource source, String details) {
        return new AuditRecord(action, "feed-source", source.id().toString(),
                source.title() != null ? source.title() : source.url(), details);
    }

    private FeedSourceView view(FeedSource s) {
        List<String> arguments = s.lastErrorArguments() == null || s.lastErrorArguments().isEmpty() ? List.of()
                : Arrays.asList(s.lastErrorArguments().split("\u001f", -1));
        String error = s.lastErrorKey() == null ? null : messages.getMessage(s.lastErrorKey(), arguments.toArray(),
                s.lastErrorKey(), LocaleContextHolder.getLocale());
        return new FeedSourceView(s.id(), s.url(), s.title(), s.kind(), s.label(), s.status(), s.lastFetchAt(),
                s.lastSuccessAt(), s.nextFetchAt(), s.lastErrorKey(), arguments, error, s.lastErrorAt(),
                s.consecutiveFailures(), s.itemCount(), s.createdAt());
    }

    private static FeedItemView view(FeedItem i) {
        return new FeedItemView(i.id(), i.sourceId(), i.guid(), i.link(), i.title(), i.summary(), i.publishedAt(),
                i.author(), i.fetchedAt());
    }
}

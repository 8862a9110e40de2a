package fr.parvis.channels.feeds;

import fr.parvis.channels.feeds.domain.FeedItem;
import fr.parvis.channels.feeds.domain.FeedItems;
import fr.parvis.channels.feeds.domain.FeedSource;
import fr.parvis.channels.feeds.domain.FeedSources;
import fr.parvis.channels.feeds.fetch.FeedFetchException;
import fr.parvis.channels.feeds.fetch.FeedFetcher;
import fr.parvis.channels.feeds.fetch.FetchResult;
import fr.parvis.channels.feeds.fetch.ParsedFeed;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reading of one source of the current collectivité: the HTTP exchange happens outside any
 * transaction, then the new items and the source's state are written in a transaction of their
 * own. A failure of any kind is recorded on the source (status, message, backoff) and never
 * propagates: the other sources are unaffected.
 */
@Component
public class FeedReading {

    private static final Logger log = LoggerFactory.getLogger(FeedReading.class);

    private final FeedSources sources;
    private final FeedItems items;
    private final FeedFetcher fetcher;
    private final FeedsProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FeedReading(FeedSources sources, FeedItems items, FeedFetcher fetcher, FeedsProperties properties,
            ApplicationEventPublisher publisher, Clock clock, PlatformTransactionManager transactionManager) {
        this.sources = sources;
        this.items = items;
        this.fetcher = fetcher;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Reads the source now; the report tells what happened (the error is also on the source). */
    public FeedFetchReport fetch(UUID sourceId) {
        Snapshot source = transaction.execute(status -> sources.findById(sourceId)
                .map(s -> new Snapshot(s.url(), s.etag(), s.lastModified()))
                .orElseThrow(() -> new NotFoundException("feeds.notFound")));
        FetchResult result;
        try {
            result = fetcher.fetch(URI.create(source.url()), source.etag(), source.lastModified());
        } catch (FeedFetchException e) {
            return failed(sourceId, e.messageKey(), e.arguments());
        } catch (RuntimeException e) {
            log.warn("Reading feed source {} failed unexpectedly", sourceId, e);
            return failed(sourceId, "feeds.error.unexpected", List.of());
        }
        try {
            return transaction.execute(status -> store(sourceId, result));
        } catch (RuntimeException e) {
            log.warn("Storing the items of feed source {} failed: {}", sourceId, e.toString());
            return failed(sourceId, "feeds.error.unexpected", List.of());
        }
    }

    private FeedFetchReport store(UUID sourceId, FetchResult result) {
        FeedSource source = sources.findById(sourceId).orElseThrow(() -> new NotFoundException("feeds.notFound"));
        Instant now = clock.instant();
        Instant next = now.plus(properties.pollInterval());
        if (result instanceof FetchResult.NotModified notModified) {
            source.succeeded(now, null, notModified.etag(), notModified.lastModified(), 0, next);
            return FeedFetchReport.ok(0, true);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        ParsedFeed feed = fetched.feed();
        Set<String> seen = new HashSet<>();
        int added = 0;
        String sourceName = feed.title() != null ? feed.title() : source.label() != null ? source.label() : source.url();
        for (ParsedFeed.Item item : feed.items()) {
            if (!seen.add(item.dedupKey()) || (item.link() != null && !seen.add("link:" + item.link()))) {
                continue;
            }
            if (items.existsBySourceIdAndDedupKey(sourceId, item.dedupKey())
                    || (item.link() != null && items.existsBySourceIdAndLink(sourceId, item.link()))) {
                continue;
            }
            FeedItem saved = items.save(new FeedItem(sourceId, item.dedupKey(), item.guid(), item.link(), item.title(),
                    item.summary(), item.publishedAt(), item.author(), now));
            added++;
            publisher.publishEvent(new FeedItemDiscovered(Tenancy.require(), sourceId, saved.id(),
                    Texts.abbreviate(sourceName, 300), item.title(), item.link(), item.summary(), item.publishedAt()));
        }
        source.succeeded(now, feed.title(), fetched.etag(), fetched.lastModified(), added, next);
        return FeedFetchReport.ok(added, false);
    }

    private FeedFetchReport failed(UUID sourceId, String key, List<String> arguments) {
        transaction.executeWithoutResult(status -> sources.findById(sourceId).ifPresent(source ->
                source.failed(clock.instant(), key, Texts.abbreviate(String.join("\u001f", arguments), 500),
                        properties.pollInterval(), properties.maxBackoff())));
        return new FeedFetchReport(0, false, key, arguments);
    }

    private record Snapshot(String url, String etag, String lastModified) {
    }
}

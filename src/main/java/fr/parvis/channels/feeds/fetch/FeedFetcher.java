package fr.parvis.channels.feeds.fetch;

import fr.parvis.channels.feeds.FeedsProperties;
import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.UnsafeUrlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Reads a feed over HTTP: conditional GET ({@code If-None-Match}, {@code If-Modified-Since}),
 * redirects followed by hand (at most {@code parvis.feeds.max-redirects}) with the
 * {@link OutboundGuard} check on every hop, a deadline for the whole exchange, and a body limit:
 * reading stops as soon as the limit is passed. Never writes anything.
 *
 * <p>The guard resolves the host and checks every address just before each connection; the JDK
 * client then resolves the name again, so a DNS answer that changes within that instant (DNS
 * rebinding) is not fully excluded. See docs/connectors-feeds.md.
 */
@Component
public class FeedFetcher {

    static final String USER_AGENT = "Parvis feed reader (+https://parvis.fr)";

    private final OutboundGuard guard;
    private final FeedsProperties properties;
    private final HttpClient client;

    public FeedFetcher(OutboundGuard guard, FeedsProperties properties) {
        this.guard = guard;
        this.properties = properties;
        this.client = guard.client();
    }

    public FetchResult fetch(URI url, String etag, String lastModified) {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            try {
                guard.check(current, "url");
            } catch (UnsafeUrlException e) {
                if (hop == 0) {
                    throw new FeedFetchException(e.messageKey(), e, e.arguments());
                }
                throw new FeedFetchException("feeds.error.redirectRefused", e, String.valueOf(current.getHost()));
            }
            HttpResponse<byte[]> response = send(current, etag, lastModified, deadline);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    throw new FeedFetchException("feeds.error.http", status);
                }
                if (hop + 1 > properties.maxRedirects()) {
                    throw new FeedFetchException("feeds.error.tooManyRedirects", properties.maxRedirects());
                }
                current = redirect(current, location);
                continue;
            }
            String newEtag = header(response, "ETag", 500);
            String newLastModified = header(response, "Last-Modified", 100);
            if (status == 304) {
                return new FetchResult.NotModified(newEtag != null ? newEtag : etag,
                        newLastModified != null ? newLastModified : lastModified);
            }
            if (status != 200) {
                throw new FeedFetchException("feeds.error.http", status);
            }
            ParsedFeed feed = new FeedParser(properties.maxItemsPerFetch()).parse(response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
            return new FetchResult.Fetched(feed, newEtag, newLastModified);
        }
    }

    private static URI redirect(URI current, String location) {
        try {
            URI next = current.resolve(location.strip());
            if (next.toString().length() > fr.parvis.channels.feeds.FeedsProperties.MAX_URL_LENGTH) {
                throw new FeedFetchException("feeds.error.redirectRefused", "…");
            }
            return next;
        } catch (IllegalArgumentException e) {
            throw new FeedFetchException("feeds.error.redirectRefused", e, fr.parvis.shared.Texts.abbreviate(location,
                    100));
        }
    }

    private HttpResponse<byte[]> send(URI uri, String etag, String lastModified, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FeedFetchException("feeds.error.timeout", properties.timeout().toSeconds());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(remaining))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        long max = properties.maxResponseSize().toBytes();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (info.statusCode() == 200 && declared > max) {
                return new LimitedBody(0);
            }
            return new LimitedBody(info.statusCode() == 200 ? max : IGNORED);
        });
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FeedFetchException("feeds.error.timeout", properties.timeout().toSeconds());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedFetchException("feeds.error.timeout", properties.timeout().toSeconds());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (tooLarge(cause)) {
                throw new FeedFetchException("feeds.error.tooLarge", megabytes(max));
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FeedFetchException("feeds.error.timeout", properties.timeout().toSeconds());
            }
            if (cause instanceof java.net.ConnectException) {
                throw new FeedFetchException("feeds.error.unreachable", cause, uri.getHost());
            }
            throw new FeedFetchException("feeds.error.network", cause, uri.getHost());
        }
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    private static String header(HttpResponse<?> response, String name, int max) {
        String value = response.headers().firstValue(name).map(String::strip).orElse(null);
        return value == null || value.isEmpty() || value.length() > max ? null : value;
    }

    /** The body passed the limit: reading stopped. */
    static final class TooLarge extends IOException {

        TooLarge() {
            super("response too large", null);
        }
    }

    /** The body of a redirect, a 304 or an error is not read: the exchange is cancelled at once. */
    static final long IGNORED = -1;

    /** Collects the body up to {@code max} bytes, then cancels the exchange. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long received;

        LimitedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (max == IGNORED) {
                subscription.cancel();
                result.complete(new byte[0]);
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

package fr.parvis.channels.mastodon;

import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPush;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Notifications pushed by the instance: server-sent events of
 * {@code GET /api/v1/streaming/user/notification}, read on a daemon thread until the handle is
 * closed or the stream ends (the poller of notifications then takes over). When the instance serves
 * its streaming API from another host, it answers with a redirect: Parvis follows that one hop after
 * checking the target with {@link OutboundGuard}.
 */
final class MastodonStreaming implements InteractionPush {

    private static final Logger LOG = LoggerFactory.getLogger(MastodonStreaming.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final String PATH = "/api/v1/streaming/user/notification";

    private final MastodonApi api;
    private final OutboundGuard guard;
    private final MastodonInteractions interactions;

    MastodonStreaming(MastodonApi api, OutboundGuard guard, MastodonInteractions interactions) {
        this.api = api;
        this.guard = guard;
        this.interactions = interactions;
    }

    @Override
    public AutoCloseable subscribe(AccountContext account, Consumer<Interaction> receiver) {
        URI uri = api.base(account).resolve(PATH);
        HttpResponse<InputStream> response = api.stream(account, uri);
        if (REDIRECTS.contains(response.statusCode())) {
            String location = response.headers().firstValue("Location").orElse(null);
            closeQuietly(response.body());
            if (location == null) {
                throw MastodonApi.malformed(null);
            }
            URI target = uri.resolve(location);
            try {
                guard.check(target, "server");
            } catch (UnsafeUrlException e) {
                throw new ConnectorException(Kind.INVALID_REQUEST, e.messageKey(), null, e, e.arguments());
            }
            response = api.stream(account, target);
        }
        if (response.statusCode() != 200) {
            String body = readSome(response.body());
            throw api.failure(response.statusCode(), response.headers(), body, MastodonApi.Safety.RETRYABLE);
        }
        Subscription subscription = new Subscription(account, response.body(), receiver);
        subscription.start();
        return subscription;
    }

    /** One open stream; {@link #close()} ends it. */
    final class Subscription implements AutoCloseable {

        private final AccountContext account;
        private final InputStream body;
        private final Consumer<Interaction> receiver;
        private final Thread thread;
        private volatile boolean closed;

        Subscription(AccountContext account, InputStream body, Consumer<Interaction> receiver) {
            this.account = account;
            this.body = body;
            this.receiver = receiver;
            this.thread = new Thread(this::read, "mastodon-stream-" + account.accountId());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** Whether the stream is still being read. */
        boolean running() {
            return thread.isAlive();
        }

        Thread thread() {
            return thread;
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                StringBuilder data = new StringBuilder();
                String line;
                while (!closed && (line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        dispatch(event, data);
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        continue; // heartbeat (":thump")
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        if (!data.isEmpty()) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
                if (!closed) {
                    dispatch(event, data);
                    LOG.info("Mastodon stream of account {} ended by the server", account.accountId());
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Mastodon stream of account {} broke: {}", account.accountId(), e.toString());
                }
            }
        }

        private void dispatch(String event, StringBuilder data) {
            if (closed || !"notification".equals(event) || data.isEmpty()) {
                return;
            }
            try {
                JsonNode notification = api.json().readTree(data.toString());
                interactions.toInteraction(account, notification).ifPresent(receiver);
            } catch (JacksonException | ConnectorException e) {
                LOG.warn("Mastodon stream of account {}: notification skipped ({})", account.accountId(), e.toString());
            } catch (RuntimeException e) {
                LOG.warn("Mastodon stream of account {}: receiver failed", account.accountId(), e);
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            closeQuietly(body);
        }
    }

    private static String readSome(InputStream body) {
        try (body) {
            return new String(body.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing left to do with a stream we are leaving
        }
    }
}

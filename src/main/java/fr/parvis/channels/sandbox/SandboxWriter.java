package fr.parvis.channels.sandbox;

import fr.parvis.channels.sandbox.SandboxNetwork.Request;
import fr.parvis.channels.sandbox.SandboxNetwork.Written;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.SystemActor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit of the Sandbox's publications, as a network commits the requests that arrive
 * together: concurrent callers hand their post to one writer thread, which writes what is waiting
 * (up to {@value #GROUP} posts) in one transaction per collectivité with
 * {@link SandboxNetwork#publishAll}, then answers each caller. A caller waits for the commit of its
 * own post: what it gets back is on the network.
 *
 * <p>Used for text and image posts called outside any transaction; videos, replies and calls made
 * inside a transaction (which must see its uncommitted rows) are written by the caller's thread.
 * When a group fails as a whole (nothing was written), its posts are written one by one; a post
 * without an idempotency key is then answered "outcome unknown" instead, since only the key tells
 * whether a commit that failed late wrote it.
 */
@Component
class SandboxWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxWriter.class);

    static final int GROUP = 200;

    /** How long a caller waits for its post to be written before the outcome is unknown. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final SandboxNetwork network;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicInteger largestGroup = new AtomicInteger();
    private volatile boolean running;
    private Thread writer;

    SandboxWriter(SandboxNetwork network) {
        this.network = network;
    }

    private record Pending(CollectiviteId collectivite, Request request, CompletableFuture<Written> result) {
    }

    /** Publishes, grouped with concurrent publications when it can. */
    PublishedPost publish(AccountContext context, PostDraft draft) {
        if (!running || !SandboxNetwork.groupable(draft) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return network.publish(context, draft);
        }
        Pending pending = new Pending(Tenancy.require(), new Request(context, draft), new CompletableFuture<>());
        queue.add(pending);
        Written written;
        try {
            written = pending.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.interrupted", null, e);
        } catch (TimeoutException e) {
            throw new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, e.getCause());
        }
        if (written.refusal() != null) {
            throw written.refusal();
        }
        return written.post();
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, GROUP - 1);
                Map<CollectiviteId, List<Pending>> byCollectivite = new LinkedHashMap<>();
                group.forEach(p -> byCollectivite.computeIfAbsent(p.collectivite(), c -> new ArrayList<>()).add(p));
                byCollectivite.forEach(this::write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Sandbox writer: unexpected failure", e);
                group.forEach(p -> p.result().completeExceptionally(
                        new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, e)));
            } finally {
                group.clear();
            }
        }
    }

    /** Groups written since start, and the largest (read by the tests). */
    record Stats(long groups, int largestGroup) {
    }

    Stats stats() {
        return new Stats(groups.get(), largestGroup.get());
    }

    private void write(CollectiviteId collectivite, List<Pending> pendings) {
        groups.incrementAndGet();
        largestGroup.accumulateAndGet(pendings.size(), Math::max);
        List<Written> written;
        try {
            written = SystemActor.actFor(collectivite, "sandbox publication",
                    () -> network.publishAll(pendings.stream().map(Pending::request).toList()));
        } catch (RuntimeException e) {
            log.warn("Sandbox group of {} posts not written ({}): written one by one", pendings.size(), e.toString());
            pendings.forEach(p -> writeAlone(collectivite, p));
            return;
        }
        for (int i = 0; i < pendings.size(); i++) {
            pendings.get(i).result().complete(written.get(i));
        }
    }

    private void writeAlone(CollectiviteId collectivite, Pending pending) {
        if (pending.request().draft().idempotencyKey() == null) {
            pending.result().completeExceptionally(
                    new ConnectorException(Kind.OUTCOME_UNKNOWN, "connector.outcomeUnknown", null, null));
            return;
        }
        try {
            PublishedPost post = SystemActor.actFor(collectivite, "sandbox publication",
                    () -> network.publish(pending.request().context(), pending.request().draft()));
            pending.result().complete(new Written(post, null));
        } catch (RuntimeException e) {
            pending.result().complete(new Written(null, e));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeLoop, "sandbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        // what is queued is still written: callers are waiting for it
        running = false;
        try {
            writer.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // starts before the publication pump and stops after it: it answers the pump's calls
        return DEFAULT_PHASE - 15;
    }
}

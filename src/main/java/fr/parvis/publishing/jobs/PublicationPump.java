package fr.parvis.publishing.jobs;

import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.publishing.jobs.Publisher.Claimed;
import fr.parvis.publishing.jobs.Publisher.Due;
import fr.parvis.publishing.jobs.Publisher.Outcome;
import fr.parvis.publishing.jobs.Publisher.Result;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publication pump of this node. Every {@code poll-interval} it looks, across collectivités,
 * for variants due within {@code lookahead}, and claims them in batches: one transaction per
 * collectivité and batch, posts locked with SKIP LOCKED so that nodes never wait for each other
 * (see {@link Publisher#claimBatch}). Each claimed variant is called at its time from a pool of
 * {@code threads}; the results go to one recorder thread that writes them in batches (one
 * transaction per collectivité and batch). A publication therefore costs, at its time, only its
 * network call: claims happen just before, records just after.
 *
 * <p>Exactly once: a variant is claimed by one node only (its state changes under the post's lock);
 * a node that dies leaves its claims {@code PUBLISHING}, read back by the dispatcher once its
 * heartbeat stops. A node that stops gracefully gives back what it claimed and did not call.
 */
@Component
@CrossTenant("Finds, across collectivités, the publications due in the next seconds")
public class PublicationPump implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationPump.class);

    private static final int RECORD_BATCH = 200;

    private static final int RECORD_ATTEMPTS = 5;

    private final Variants variants;
    private final Publisher publisher;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final PublishingProperties.Pump settings;

    /** Claimed, waiting for their time or for a thread: given back if this node stops. */
    private final Set<Claimed> waiting = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong published = new AtomicLong();
    private final Activity activity = new Activity();
    private final Object idle = new Object();

    private volatile boolean running;
    /** Runs the polls (claims). */
    private ScheduledExecutorService claimer;
    /** Hands each claimed publication to a caller at its time (never delayed by a long claim). */
    private ScheduledExecutorService timer;
    private ExecutorService callers;
    private Thread recorder;

    PublicationPump(Variants variants, Publisher publisher, Clock clock, PlatformTransactionManager transactionManager,
            PublishingProperties properties) {
        this.variants = variants;
        this.publisher = publisher;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.settings = properties.pump();
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        claimer = Executors.newSingleThreadScheduledExecutor(named("publication-pump"));
        timer = Executors.newSingleThreadScheduledExecutor(named("publication-timer"));
        callers = Executors.newFixedThreadPool(settings.threads(), named("publication-call"));
        recorder = named("publication-record").newThread(this::recordLoop);
        recorder.start();
        claimer.scheduleWithFixedDelay(this::pollQuietly, settings.pollInterval().toMillis(),
                settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Publication pump started: {} threads, claims {} ahead ({} during a burst), batches of {}",
                settings.threads(), settings.lookahead(), settings.burstLookahead(), settings.batch());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        claimer.shutdownNow();
        try {
            // a round in progress finishes its claim first: what it claimed is then given back
            if (!claimer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Publication pump round still running at shutdown");
            }
            timer.shutdownNow();
            List<Claimed> notCalled = new ArrayList<>();
            for (Claimed claimed : waiting) {
                if (waiting.remove(claimed)) {
                    notCalled.add(claimed);
                }
            }
            release(notCalled);
            callers.shutdown();
            if (!callers.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("Publication calls still running at shutdown: they will be read back");
            }
            recorder.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.interrupt();
        log.info("Publication pump stopped ({} published by this node since start)", published.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the heartbeat (its claims must not look abandoned while it finishes)
        return DEFAULT_PHASE - 10;
    }

    // ---- the pump -------------------------------------------------------------------------------

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Publication pump round failed: {}", e.toString());
        }
    }

    /**
     * One round: claims batches of due variants while there are some and room for them. Claims
     * {@code lookahead} ahead; during a burst (more than a batch due within {@code burst-lookahead})
     * claims {@code burst-lookahead} ahead, so that when a burst falls due its claims are done and
     * only the calls remain.
     */
    void poll() {
        Duration ahead = burst() ? settings.burstLookahead() : settings.lookahead();
        while (running) {
            int room = Math.min(settings.batch(), settings.maxInFlight() - inFlight.get());
            if (room <= 0) {
                return;
            }
            Instant horizon = clock.instant().plus(ahead);
            List<Claimed> claimed = claim(horizon, room);
            for (Claimed c : claimed) {
                inFlight.incrementAndGet();
                waiting.add(c);
                long delay = Math.max(0, (Duration.between(clock.instant(), c.dueAt()).toNanos() + 999_999) / 1_000_000);
                timer.schedule(() -> callers.execute(() -> callAndQueue(c)), delay, TimeUnit.MILLISECONDS);
            }
            if (claimed.size() < room) {
                return;
            }
        }
    }

    /** Whether more than a batch of publications falls due within the burst lookahead. */
    private boolean burst() {
        if (settings.burstLookahead().compareTo(settings.lookahead()) <= 0) {
            return false;
        }
        Instant horizon = clock.instant().plus(settings.burstLookahead());
        Long due = SystemActor.actAsRoot("publication pump", () -> readOnly.execute(status ->
                variants.countByStateAndDueAtLessThanEqual(VariantState.SCHEDULED, horizon)));
        return due != null && due > settings.batch();
    }

    private void callAndQueue(Claimed claimed) {
        if (!waiting.remove(claimed)) {
            return; // given back at shutdown
        }
        long early = Duration.between(clock.instant(), claimed.dueAt()).toNanos();
        if (early > 0) {
            // the timer and the application clock may differ by a little: never before its time
            try {
                TimeUnit.NANOSECONDS.sleep(early);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Result result;
        long start = System.nanoTime();
        try {
            result = SystemActor.actFor(claimed.collectivite(), "publication", () -> publisher.call(claimed));
            activity.calls.add(System.nanoTime() - start);
        } catch (RuntimeException e) {
            log.warn("Publication of variant {} ended without an answer: {}", claimed.variantId(), e.toString());
            result = new Publisher.Unknown(claimed, "publishing.outcome.error", e.getClass().getSimpleName());
        }
        results.add(result);
    }

    private void recordLoop() {
        while (running || !results.isEmpty() || inFlight.get() > waiting.size()) {
            List<Result> batch = new ArrayList<>();
            try {
                Result first = results.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!running && callers.isTerminated()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            results.drainTo(batch, RECORD_BATCH - 1);
            try {
                record(batch);
            } catch (RuntimeException e) {
                // the variants stay claimed and are read back; the recorder goes on
                log.error("Recording {} publications failed: {}", batch.size(), e.toString());
                done(batch.size());
            }
        }
    }

    private void record(List<Result> batch) {
        Map<CollectiviteId, List<Result>> byCollectivite = batch.stream()
                .collect(Collectors.groupingBy(r -> r.claimed().collectivite(), LinkedHashMap::new, Collectors.toList()));
        byCollectivite.forEach((collectivite, list) -> {
            List<Outcome> outcomes = recordWithRetries(collectivite, list);
            for (int i = 0; i < list.size(); i++) {
                Result result = list.get(i);
                if (outcomes != null && outcomes.get(i) == Outcome.PUBLISHED) {
                    published.incrementAndGet();
                    if (result.claimed().followUp() && !callers.isShutdown()) {
                        inFlight.incrementAndGet();
                        try {
                            callers.execute(() -> {
                                try {
                                    SystemActor.actFor(collectivite, "thread", () -> {
                                        publisher.afterRecorded(result);
                                        return null;
                                    });
                                } finally {
                                    done(1);
                                }
                            });
                        } catch (RejectedExecutionException e) {
                            done(1);
                            log.warn("First comment of variant {} not published: the node stops",
                                    result.claimed().variantId());
                        }
                    }
                }
            }
            done(list.size());
        });
    }

    private List<Outcome> recordWithRetries(CollectiviteId collectivite, List<Result> list) {
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            try {
                long start = System.nanoTime();
                List<Outcome> outcomes = SystemActor.actFor(collectivite, "publication record",
                        () -> publisher.recordAll(list));
                activity.records.add(System.nanoTime() - start);
                return outcomes;
            } catch (RuntimeException e) {
                log.warn("Recording {} publications failed (attempt {}/{}): {}", list.size(), attempt, RECORD_ATTEMPTS,
                        e.toString());
                if (list.size() > 1) {
                    // one bad result must not hold the others back: record them one by one
                    List<Outcome> outcomes = new ArrayList<>();
                    for (Result result : list) {
                        List<Outcome> one = recordWithRetries(collectivite, List.of(result));
                        outcomes.add(one == null ? Outcome.OUTCOME_UNKNOWN : one.get(0));
                    }
                    return outcomes;
                }
                try {
                    Thread.sleep(Math.min(10_000L, 500L << attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        log.error("Publication of variant {} was sent but could not be recorded: it stays claimed and will be read back",
                list.get(0).claimed().variantId());
        return null;
    }

    private void done(int count) {
        if (inFlight.addAndGet(-count) <= 0) {
            activity.logIfBusy(published.get());
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** One kind of work of the pump: how many times, how long in all (summed over threads). */
    private static final class Work {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();

        void add(long elapsed) {
            count.incrementAndGet();
            nanos.addAndGet(elapsed);
        }

        String describe() {
            long n = count.getAndSet(0);
            long total = nanos.getAndSet(0);
            return n + " in " + total / 1_000_000 + " ms" + (n == 0 ? "" : " (" + total / n / 1000 + " µs each)");
        }
    }

    /**
     * What the pump did since it was last idle, logged when it becomes idle after at least a batch
     * of publications: the time spent claiming, calling and recording tells where a burst goes.
     */
    private final class Activity {
        private final Work claims = new Work();
        private final Work calls = new Work();
        private final Work records = new Work();
        private final AtomicLong loggedAt = new AtomicLong();

        void logIfBusy(long publishedNow) {
            long since = publishedNow - loggedAt.get();
            if (since >= settings.batch() && loggedAt.compareAndSet(publishedNow - since, publishedNow)) {
                log.info("Publication pump idle after {} publications: claims {}, calls {}, records {}", since,
                        claims.describe(), calls.describe(), records.describe());
            }
        }
    }

    // ---- claims ---------------------------------------------------------------------------------

    /** Claims up to {@code limit} variants due by {@code horizon}, one transaction per collectivité. */
    List<Claimed> claim(Instant horizon, int limit) {
        List<Variant> due = SystemActor.actAsRoot("publication pump", () -> readOnly.execute(status ->
                variants.findByStateAndDueAtLessThanEqualOrderByDueAtAsc(VariantState.SCHEDULED, horizon,
                        PageRequest.of(0, limit))));
        if (due.isEmpty()) {
            return List.of();
        }
        Map<CollectiviteId, List<Due>> byCollectivite = due.stream().collect(Collectors.groupingBy(
                Variant::collectiviteId, LinkedHashMap::new,
                Collectors.mapping(v -> new Due(v.id(), v.postId()), Collectors.toList())));
        List<Claimed> claimed = new ArrayList<>();
        byCollectivite.forEach((collectivite, list) -> {
            long start = System.nanoTime();
            try {
                claimed.addAll(SystemActor.actFor(collectivite, "publication claim",
                        () -> publisher.claimBatch(list, horizon)));
                activity.claims.add(System.nanoTime() - start);
            } catch (RuntimeException e) {
                log.warn("Claiming {} publications of {} failed: {}", list.size(), collectivite, e.toString());
            }
        });
        return claimed;
    }

    private void release(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        claimed.stream().collect(Collectors.groupingBy(Claimed::collectivite)).forEach((collectivite, list) -> {
            try {
                SystemActor.actFor(collectivite, "publication release", () -> {
                    publisher.release(list);
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("{} claimed publications not given back ({}): they will be read back", list.size(), e.toString());
            }
        });
        done(claimed.size());
        log.info("{} claimed publications given back at shutdown", claimed.size());
    }

    // ---- synchronous rounds (dispatcher, tests) ---------------------------------------------------

    /**
     * Publishes, in this thread, everything due by {@code horizon} (claimed in batches, called one
     * after the other, recorded in batches); returns how many were published. Used by the
     * dispatcher when the pump does not run, and by tests that move the application clock.
     */
    int drain(Instant horizon, int batch) {
        int count = 0;
        for (int round = 0; round < 1000; round++) {
            List<Claimed> claimed = claim(horizon, batch);
            if (claimed.isEmpty()) {
                break;
            }
            Map<CollectiviteId, List<Result>> byCollectivite = new LinkedHashMap<>();
            for (Claimed c : claimed) {
                Result result = SystemActor.actFor(c.collectivite(), "publication", () -> publisher.call(c));
                byCollectivite.computeIfAbsent(c.collectivite(), k -> new ArrayList<>()).add(result);
            }
            for (Map.Entry<CollectiviteId, List<Result>> entry : byCollectivite.entrySet()) {
                List<Result> list = entry.getValue();
                List<Outcome> outcomes = recordWithRetries(entry.getKey(), list);
                for (int i = 0; i < list.size(); i++) {
                    if (outcomes != null && outcomes.get(i) == Outcome.PUBLISHED) {
                        count++;
                        Result result = list.get(i);
                        if (result.claimed().followUp()) {
                            SystemActor.actFor(entry.getKey(), "thread", () -> {
                                publisher.afterRecorded(result);
                                return null;
                            });
                        }
                    }
                }
            }
            if (claimed.size() < batch) {
                break;
            }
        }
        return count;
    }

    /** Waits until this node's pump holds no claimed publication (at most {@code timeout}). */
    public boolean awaitIdle(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** How many publications this node's pump published since it started. */
    public long published() {
        return published.get();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package fr.parvis.publishing.jobs;

import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.domain.PublishingNode;
import fr.parvis.publishing.domain.PublishingNodes;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's liveness: every {@code parvis.publishing.heartbeat} it writes that it is alive. A
 * publication claimed by a node that stopped writing (killed, frozen, cut from the database) is
 * read back from the network; a slow call of a living node is never taken for a dead one. Runs on
 * every node (it is about the node itself, not cluster work).
 */
@Component
@CrossTenant("Node liveness is shared by every collectivité")
public class NodeHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final PublishingNodes nodes;
    private final PublishingProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String name;
    private ScheduledExecutorService executor;

    NodeHeartbeat(PublishingNodes nodes, PublishingProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.nodes = nodes;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        // pid@host plus a random part: a restarted process with the same pid is another node
        this.name = Texts.abbreviate(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8), 200);
    }

    /** The name this node writes in its claims. */
    public String name() {
        return name;
    }

    /**
     * Whether {@code node} said it is alive within {@code parvis.publishing.stale-claim}. Joins the
     * caller's transaction (node rows belong to no collectivité: any session reads them).
     */
    public boolean alive(String node) {
        if (name.equals(node)) {
            return true;
        }
        Instant limit = clock.instant().minus(properties.staleClaim());
        return node != null && nodes.findById(node).map(n -> n.lastSeen().isAfter(limit)).orElse(false);
    }

    void beat() {
        try {
            SystemActor.actAsRoot("node heartbeat", () -> transaction.execute(status -> {
                Instant now = clock.instant();
                nodes.findById(name).ifPresentOrElse(n -> n.seen(now), () -> nodes.save(new PublishingNode(name, now)));
                return name;
            }));
        } catch (RuntimeException e) {
            log.warn("Node heartbeat not written: {}", e.toString());
        }
    }

    @Override
    public void start() {
        beat();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parvis-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(200, properties.heartbeat().toMillis());
        executor.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // starts before the publication pump and stops after it (lowest phase: first up, last down)
        return DEFAULT_PHASE - 20;
    }
}

package fr.parvis.publishing.crisis;

import fr.parvis.publishing.crisis.domain.Crises;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.Tenancy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the current collectivité is in crisis mode, for the rest of the publishing module (the
 * scheduling of ordinary posts is refused while it is).
 */
@Component
@Transactional(readOnly = true)
public class CrisisState {

    static final long REUSE_MS = 500;

    private final Crises crises;
    private final Map<CollectiviteId, Seen> recently = new ConcurrentHashMap<>();

    CrisisState(Crises crises) {
        this.crises = crises;
    }

    public boolean active() {
        return crises.existsByEndedAtIsNull();
    }

    /**
     * The same, for each publication call just before it goes to the network: read at most every
     * {@value #REUSE_MS} ms per collectivité (a burst of calls reads it a few times), and again at
     * once after a crisis started on this node. A crisis started on another node is seen by this
     * node's calls within that delay.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean activeForCalls() {
        CollectiviteId collectivite = Tenancy.require();
        long now = System.nanoTime();
        Seen seen = recently.get(collectivite);
        if (seen != null && now - seen.at() < TimeUnit.MILLISECONDS.toNanos(REUSE_MS)) {
            return seen.active();
        }
        boolean active = active();
        recently.put(collectivite, new Seen(active, now));
        return active;
    }

    /** A crisis started or ended on this node: the next call reads the state again. */
    void changed() {
        recently.clear();
    }

    private record Seen(boolean active, long at) {
    }
}

package fr.parvis.publishing.crisis;

import fr.parvis.publishing.crisis.domain.Crises;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the current collectivité is in crisis mode, for the rest of the publishing module (the
 * scheduling of ordinary posts is refused while it is).
 */
@Component
@Transactional(readOnly = true)
public class CrisisState {

    private final Crises crises;

    CrisisState(Crises crises) {
        this.crises = crises;
    }

    public boolean active() {
        return crises.existsByEndedAtIsNull();
    }
}

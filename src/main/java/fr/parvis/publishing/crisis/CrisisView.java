package fr.parvis.publishing.crisis;

import java.time.Instant;
import java.util.UUID;

/**
 * One period of crisis mode.
 *
 * @param pausedAtStart how many posts were paused when it started
 * @param parentName the EPCI that started it for this commune, or {@code null}
 */
public record CrisisView(UUID id, Instant startedAt, String startedByName, String reason, Instant endedAt,
        String endedByName, boolean membersIncluded, int pausedAtStart, String parentName) {

    public boolean active() {
        return endedAt == null;
    }
}

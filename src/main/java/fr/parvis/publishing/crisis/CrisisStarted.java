package fr.parvis.publishing.crisis;

import java.util.List;

/**
 * The result of starting crisis mode.
 *
 * @param paused posts paused in the collectivité
 * @param nativeNotCancelled posts a network refused to unschedule (still scheduled natively there)
 * @param members member communes (EPCI acting for them) where crisis mode was started too
 */
public record CrisisStarted(CrisisView crisis, int paused, int nativeNotCancelled, List<String> members) {

    public CrisisStarted {
        members = List.copyOf(members);
    }
}

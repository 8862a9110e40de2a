package fr.parvis.publishing.crisis;

import java.util.List;

/**
 * Where the collectivité stands: the current crisis (or {@code null}), how many posts are paused by
 * crisis mode now (they stay paused after the crisis until someone resumes, reschedules or
 * cancels them), and the latest periods.
 */
public record CrisisStatus(CrisisView current, long pausedPosts, List<CrisisView> history) {

    public CrisisStatus {
        history = List.copyOf(history);
    }

    public boolean isActive() {
        return current != null;
    }
}

package fr.parvis.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The approval decisions, comments and acknowledged warnings of a post, oldest first. */
public record PostHistoryView(List<Entry> entries) {

    public PostHistoryView {
        entries = List.copyOf(entries);
    }

    /**
     * One line of the history.
     *
     * @param kind {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code EXPIRED}, {@code BYPASSED},
     *     {@code COMMENT} or {@code ACKNOWLEDGED}
     */
    public record Entry(Instant at, String kind, int level, UUID userId, String userName, String text) {
    }
}

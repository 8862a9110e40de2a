package fr.parvis.publishing.calendar;

import java.time.Instant;

/** The agent's active iCalendar address (its secret is shown once, at creation, never again). */
public record CalendarFeedView(Instant createdAt, Instant lastUsedAt) {
}

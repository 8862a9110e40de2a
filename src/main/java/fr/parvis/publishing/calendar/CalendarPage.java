package fr.parvis.publishing.calendar;

import fr.parvis.publishing.PostView;
import java.time.LocalDate;
import java.util.List;

/**
 * What one calendar page shows.
 *
 * @param from first day shown
 * @param to last day shown (inclusive)
 * @param weeks the month grid, Monday first (month view); the one week (week view)
 * @param entries every post of the period in time order (list view)
 * @param undated posts without a time (list view)
 */
public record CalendarPage(CalendarMode mode, LocalDate date, LocalDate from, LocalDate to, LocalDate previous,
        LocalDate next, LocalDate today, List<List<CalendarDay>> weeks, List<CalendarEntry> entries,
        List<PostView> undated) {

    public CalendarPage {
        weeks = weeks.stream().map(List::copyOf).toList();
        entries = List.copyOf(entries);
        undated = List.copyOf(undated);
    }

    /** The days of the week view. */
    public List<CalendarDay> days() {
        return weeks.isEmpty() ? List.of() : weeks.get(0);
    }
}

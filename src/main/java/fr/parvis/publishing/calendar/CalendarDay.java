package fr.parvis.publishing.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A day of the calendar and its posts in time order.
 *
 * @param inPeriod whether the day belongs to the month shown (grid days of the weeks around it do not)
 */
public record CalendarDay(LocalDate date, boolean inPeriod, boolean today, List<CalendarEntry> entries) {

    public CalendarDay {
        entries = List.copyOf(entries);
    }

    /** The posts of one hour of the day (week view). */
    public List<CalendarEntry> at(int hour) {
        return entries.stream().filter(e -> e.time().getHour() == hour).toList();
    }

    public String iso() {
        return date.toString();
    }
}

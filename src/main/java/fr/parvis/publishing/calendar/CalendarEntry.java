package fr.parvis.publishing.calendar;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.VariantView;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A post on the calendar, at its local day and time (Europe/Paris).
 *
 * @param movable whether it may still be given another time (not published, not being published)
 */
public record CalendarEntry(PostView post, LocalDate day, LocalTime time, boolean movable) {

    /** The networks of its accounts, each once, in order. */
    public List<Network> networks() {
        return post.variants().stream().map(VariantView::network).distinct().toList();
    }

    /** {@code NETWORK:@handle} of each account, as in the CSV. */
    public List<String> accounts() {
        return post.variants().stream().map(v -> v.network().name() + ":@" + stripAt(v.handle())).toList();
    }

    static String stripAt(String handle) {
        if (handle == null) {
            return null;
        }
        int start = 0;
        while (start < handle.length() && handle.charAt(start) == '@') {
            start++;
        }
        return handle.substring(start);
    }
}

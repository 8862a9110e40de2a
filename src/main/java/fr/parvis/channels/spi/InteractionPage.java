package fr.parvis.channels.spi;

import java.util.List;

/**
 * Interactions read since a cursor, oldest first, and the cursor to resume from next time.
 *
 * @param more whether more are available right away (read again with {@code next})
 */
public record InteractionPage(List<Interaction> items, Cursor next, boolean more) {

    public InteractionPage {
        items = List.copyOf(items);
    }
}

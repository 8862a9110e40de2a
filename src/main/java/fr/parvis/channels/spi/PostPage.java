package fr.parvis.channels.spi;

import java.util.List;

/**
 * Posts read since a cursor, oldest first, and the cursor to resume from.
 *
 * @param more whether more are available right away
 */
public record PostPage(List<PublishedPost> items, Cursor next, boolean more) {

    public PostPage {
        items = List.copyOf(items);
    }
}

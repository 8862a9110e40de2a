package fr.parvis.channels.spi;

import java.util.List;

/** Public posts matching a search, and where to continue. */
public record SearchResult(List<Interaction> items, Cursor next) {

    public SearchResult {
        items = List.copyOf(items);
    }
}

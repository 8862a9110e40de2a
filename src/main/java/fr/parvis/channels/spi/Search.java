package fr.parvis.channels.spi;

/** Searching public posts (for listening). */
public interface Search {

    SearchResult search(AccountContext account, String query, Cursor cursor);
}

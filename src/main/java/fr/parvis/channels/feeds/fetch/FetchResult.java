package fr.parvis.channels.feeds.fetch;

/** The outcome of a successful HTTP reading. */
public sealed interface FetchResult {

    /** 304: nothing changed since the validators sent. */
    record NotModified(String etag, String lastModified) implements FetchResult {
    }

    /** A document, with the validators to send next time. */
    record Fetched(ParsedFeed feed, String etag, String lastModified) implements FetchResult {
    }
}

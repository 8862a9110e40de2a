package fr.parvis.channels.feeds;

/** State of a source: read regularly, read but failing (with backoff), or paused by the team. */
public enum FeedStatus {
    ACTIVE, ERROR, PAUSED
}

package fr.parvis.channels.feeds;

/** What a source is, to sort and label them. */
public enum FeedKind {
    CITY_NEWS, LOCAL_PRESS, PREFECTURE, OTHER
}

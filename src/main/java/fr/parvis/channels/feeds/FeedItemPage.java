package fr.parvis.channels.feeds;

import java.util.List;

/** One page of a source's items, newest first. */
public record FeedItemPage(List<FeedItemView> items, int page, int size, long total, int totalPages) {
}

package fr.parvis.publishing.media;

import java.util.List;

/** One page of the library, the newest first. */
public record MediaPage(List<MediaView> items, int page, int size, long total, int totalPages) {
}

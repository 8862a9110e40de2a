package fr.parvis.publishing.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The media ids of a variant or a thread part, stored as one comma-separated column. */
final class MediaIdList {

    private MediaIdList() {
    }

    static String join(List<UUID> media) {
        return media == null || media.isEmpty() ? null
                : media.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static List<UUID> parse(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(UUID::fromString).toList();
    }
}

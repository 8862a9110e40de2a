package fr.parvis.publishing.media;

import java.time.Instant;

/**
 * A medium of the library, without its bytes.
 *
 * @param mediaType detected from the file's first bytes: {@code image/jpeg}, {@code image/png},
 *     {@code image/gif}, {@code image/webp}, {@code video/mp4} or {@code video/webm}
 * @param width in pixels ({@code null} when unknown: a WebM video, an MP4 whose header Parvis cannot read)
 * @param altText the alternative text ({@code null} when missing)
 * @param altTextMissing an image saved without alternative text (a draft): it cannot be published
 * @param subtitles the format of the subtitles file of a video, or {@code null}
 * @param burnedInSubtitles the video carries its subtitles in the picture
 * @param usageCount how many posts use it
 * @param archivedAt when it was archived (hidden from the library, kept for the posts using it)
 * @param durationMs the duration of a video read from its MP4 header, {@code null} when unknown
 */
public record MediaView(MediaId id, MediaKind kind, String mediaType, String fileName, long sizeBytes, Integer width,
        Integer height, String sha256, String altText, boolean altTextMissing, SubtitlesFormat subtitles,
        boolean burnedInSubtitles, int usageCount, Instant archivedAt, Instant createdAt, Instant updatedAt,
        Long durationMs) {

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean image() {
        return kind == MediaKind.IMAGE;
    }

    /** The size in kibibytes, rounded, at least 1. */
    public long sizeKb() {
        return Math.max(1, (sizeBytes + 512) / 1024);
    }
}

package fr.parvis.language;

import fr.parvis.shared.InvalidInputException;
import java.util.Locale;

/**
 * What the accessibility lint needs to know about a media attached to a post.
 *
 * @param kind {@code IMAGE} or {@code VIDEO} (case-insensitive; animated GIFs are images)
 * @param altText the text alternative, null or blank when there is none
 * @param subtitled whether a video carries subtitles (ignored for images)
 */
public record MediaDescription(String kind, String altText, boolean subtitled) {

    public static final String IMAGE = "IMAGE";
    public static final String VIDEO = "VIDEO";
    /** Longest alternative text accepted (Mastodon allows 1,500 characters). */
    public static final int MAX_ALT_LENGTH = 5_000;

    public MediaDescription {
        String normalised = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!IMAGE.equals(normalised) && !VIDEO.equals(normalised)) {
            throw new InvalidInputException("lint.error.mediaKind", "kind", String.valueOf(kind));
        }
        kind = normalised;
        if (altText != null && altText.length() > MAX_ALT_LENGTH) {
            throw new InvalidInputException("lint.error.altTooLong", "altText", MAX_ALT_LENGTH);
        }
    }

    public static MediaDescription image(String altText) {
        return new MediaDescription(IMAGE, altText, false);
    }

    public static MediaDescription video(String altText, boolean subtitled) {
        return new MediaDescription(VIDEO, altText, subtitled);
    }

    public boolean isImage() {
        return IMAGE.equals(kind);
    }

    public boolean isVideo() {
        return VIDEO.equals(kind);
    }
}

package fr.parvis.publishing.media;

/**
 * Which media to list.
 *
 * @param kind only images or only videos, or {@code null} for both
 * @param archived {@code true} lists the archived media only, {@code false} the others
 * @param altTextMissing {@code true} lists only the images without alternative text
 */
public record MediaFilter(MediaKind kind, boolean archived, boolean altTextMissing) {

    /** Every medium in use (not archived). */
    public static MediaFilter current() {
        return new MediaFilter(null, false, false);
    }
}

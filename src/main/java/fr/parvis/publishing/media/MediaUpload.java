package fr.parvis.publishing.media;

/**
 * A file to add to the library.
 *
 * @param fileName the name given by the user (shown, never trusted for the type)
 * @param content the bytes; the type is detected from them
 * @param altText the alternative text of an image (at most {@value MediaLibrary#MAX_ALT_TEXT}
 *     characters); empty saves the image as a draft marked alternative-text-missing
 * @param subtitlesFileName the name of the subtitles file of a video, or {@code null}
 * @param subtitles a WebVTT or SubRip file for a video, or {@code null}
 * @param burnedInSubtitles the video shows its subtitles in the picture (then no file is needed)
 */
public record MediaUpload(String fileName, byte[] content, String altText, String subtitlesFileName, byte[] subtitles,
        boolean burnedInSubtitles) {

    /** An image with its alternative text. */
    public static MediaUpload image(String fileName, byte[] content, String altText) {
        return new MediaUpload(fileName, content, altText, null, null, false);
    }

    @Override
    public String toString() {
        return "MediaUpload[" + fileName + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}

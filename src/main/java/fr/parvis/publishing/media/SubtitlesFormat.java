package fr.parvis.publishing.media;

/** The subtitles files accepted with a video, recognised by their content (not their name). */
public enum SubtitlesFormat {
    /** WebVTT ({@code .vtt}), {@code text/vtt}. */
    WEBVTT("text/vtt", "vtt"),
    /** SubRip ({@code .srt}), {@code application/x-subrip}. */
    SUBRIP("application/x-subrip", "srt");

    private final String mediaType;
    private final String extension;

    SubtitlesFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}

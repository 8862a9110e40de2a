package fr.parvis.channels.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A video to publish. Its bytes are read only when the connector sends them, from {@code content}
 * (a video may weigh up to 200 MB: a draft waiting in a queue must not hold them).
 *
 * @param mediaType {@code video/mp4} or {@code video/webm}
 * @param size its size in bytes, known before reading it
 * @param content opens the bytes; each call gives a new stream, that the caller closes
 * @param altText the description of the video (may be {@code null})
 * @param subtitles its subtitles track in WebVTT, or {@code null}
 * @param burnedInSubtitles the picture itself carries the subtitles
 * @param duration its length when known (read from the MP4 header), else {@code null}
 * @param width in pixels when known, else {@code null}
 * @param height in pixels when known, else {@code null}
 */
public record VideoAttachment(String mediaType, long size, Source content, String altText, Subtitles subtitles,
        boolean burnedInSubtitles, Duration duration, Integer width, Integer height) {

    /** Opens the bytes of a video. */
    @FunctionalInterface
    public interface Source {

        InputStream open() throws IOException;
    }

    /**
     * A subtitles track.
     *
     * @param webVtt the WebVTT text (starts with {@code WEBVTT})
     * @param language BCP 47 language of the subtitles ({@code fr} by default)
     */
    public record Subtitles(String webVtt, String language) {

        public Subtitles {
            Objects.requireNonNull(webVtt, "webVtt");
            language = language == null || language.isBlank() ? "fr" : language;
        }

        public byte[] bytes() {
            return webVtt.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public VideoAttachment {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size");
        }
    }

    /** A video held in memory (tests, small files). */
    public static VideoAttachment of(byte[] bytes, String mediaType, String altText, Subtitles subtitles,
            boolean burnedInSubtitles, Duration duration, Integer width, Integer height) {
        byte[] copy = bytes.clone();
        return new VideoAttachment(mediaType, copy.length, () -> new ByteArrayInputStream(copy), altText, subtitles,
                burnedInSubtitles, duration, width, height);
    }

    /** Whether people who cannot hear it can follow it: a subtitles track or subtitles in the picture. */
    public boolean subtitled() {
        return subtitles != null || burnedInSubtitles;
    }

    /**
     * Reads the whole video, refusing more than {@code maxBytes} (a connector that needs the bytes in
     * memory reads at most what its network accepts).
     */
    public byte[] readAll(long maxBytes) {
        if (size > maxBytes) {
            throw ConnectorException.of(ConnectorException.Kind.INVALID_REQUEST, "draft.videoTooLarge", 1,
                    megabytes(size), megabytes(maxBytes));
        }
        try (InputStream in = content.open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw ConnectorException.of(ConnectorException.Kind.INVALID_REQUEST, "draft.videoTooLarge", 1,
                        megabytes(bytes.length), megabytes(maxBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f", bytes / 1_000_000.0);
    }

    @Override
    public String toString() {
        return "VideoAttachment[" + mediaType + ", " + size + " bytes, alt=" + altText + ", subtitles="
                + (subtitles == null ? (burnedInSubtitles ? "burned-in" : "none") : subtitles.language()) + ", duration="
                + duration + "]";
    }
}

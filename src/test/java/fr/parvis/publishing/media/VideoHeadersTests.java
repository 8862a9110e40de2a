package fr.parvis.publishing.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The MP4 header reader and the SubRip to WebVTT conversion. */
class VideoHeadersTests {

    static byte[] fixture() throws IOException {
        try (InputStream in = VideoHeadersTests.class.getResourceAsStream("/fixtures/parvis-2500ms-320x180.mp4")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheDurationAndThePictureSizeOfAnMp4() throws IOException {
        assertThat(VideoHeaders.read("video/mp4", fixture())).isEqualTo(new VideoHeaders.Info(2500L, 320, 180));
    }

    @Test
    void anUnreadableOrWebmHeaderGivesUnknownValues() throws IOException {
        assertThat(VideoHeaders.read("video/mp4", TestImages.mp4())).isEqualTo(VideoHeaders.Info.UNKNOWN);
        byte[] truncated = java.util.Arrays.copyOf(fixture(), 60);
        assertThat(VideoHeaders.read("video/mp4", truncated)).isEqualTo(VideoHeaders.Info.UNKNOWN);
        assertThat(VideoHeaders.read("video/webm", fixture())).isEqualTo(VideoHeaders.Info.UNKNOWN);
    }

    @Test
    void convertsSubRipToWebVtt() {
        byte[] srt = ("\uFEFF1\r\n00:00:01,000 --> 00:00:04,250\r\nBonjour,\r\nbienvenue.\r\n\r\n"
                + "2\r\n00:01:00,000 --> 00:01:02,000\r\nFin\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Subtitles.validate(srt, 100_000)).isEqualTo(SubtitlesFormat.SUBRIP);
        String vtt = Subtitles.toWebVtt(srt, SubtitlesFormat.SUBRIP);
        assertThat(vtt).isEqualTo("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.250\nBonjour,\nbienvenue.\n\n"
                + "2\n00:01:00.000 --> 00:01:02.000\nFin\n");
        assertThat(Subtitles.validate(vtt.getBytes(StandardCharsets.UTF_8), 100_000)).isEqualTo(SubtitlesFormat.WEBVTT);
        byte[] webVtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nDéjà\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Subtitles.toWebVtt(webVtt, SubtitlesFormat.WEBVTT)).isEqualTo(new String(webVtt,
                StandardCharsets.UTF_8));
    }
}

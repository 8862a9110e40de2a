package fr.parvis.publishing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Type detection from the first bytes, header dimensions and subtitles validation. */
class MediaFormatsTests {

    @Test
    void theTypeComesFromTheBytes() {
        assertThat(MediaTypes.detect(TestImages.png(4, 4)).mediaType()).isEqualTo("image/png");
        assertThat(MediaTypes.detect(TestImages.jpeg(4, 4)).mediaType()).isEqualTo("image/jpeg");
        assertThat(MediaTypes.detect(TestImages.write(new java.awt.image.BufferedImage(3, 3,
                java.awt.image.BufferedImage.TYPE_BYTE_INDEXED), "gif")).mediaType()).isEqualTo("image/gif");
        assertThat(MediaTypes.detect(TestImages.mp4())).isEqualTo(new MediaTypes.Detected("video/mp4", MediaKind.VIDEO));
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42,
            (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
        assertThat(MediaTypes.detect(webm).mediaType()).isEqualTo("video/webm");
    }

    @Test
    void webpIsRecognisedFromItsRiffHeaderAndItsThreeEncodingsGiveTheirSize() {
        assertThat(MediaTypes.detect(TestImages.webp())).isEqualTo(new MediaTypes.Detected("image/webp", MediaKind.IMAGE));
        assertThat(MediaTypes.detect(TestImages.webpWithAlpha()).mediaType()).isEqualTo("image/webp");
        // lossy (VP8), lossless (VP8L), extended (VP8X)
        assertThat(ImageHeaders.read("image/webp", TestImages.webp())).isEqualTo(new ImageHeaders.Size(60, 40));
        assertThat(ImageHeaders.read("image/webp", TestImages.webpWithAlpha())).isEqualTo(new ImageHeaders.Size(30, 20));
        assertThat(ImageHeaders.read("image/webp", TestImages.webpWithExif())).isEqualTo(new ImageHeaders.Size(60, 40));
        // a header announcing 16384 × 16384 pixels (VP8X canvas) is read without decoding anything
        byte[] huge = java.util.Arrays.copyOf(TestImages.webpWithExif(), 40);
        huge[24] = (byte) 0xFF;
        huge[25] = 0x3F;
        huge[26] = 0;
        huge[27] = (byte) 0xFF;
        huge[28] = 0x3F;
        huge[29] = 0;
        assertThat(ImageHeaders.read("image/webp", huge).pixels()).isEqualTo(16384L * 16384L);
        // a damaged header: no start code
        byte[] damaged = TestImages.webp().clone();
        damaged[23] = 0;
        assertThatThrownBy(() -> ImageHeaders.read("image/webp", damaged)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageHeaders.read("image/webp", java.util.Arrays.copyOf(TestImages.webp(), 16)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void textSvgHeifAndQuickTimeAreRefusedWithTheirReason() {
        assertRefused("bonjour, je suis un texte".getBytes(StandardCharsets.UTF_8), "media.type.unsupported");
        assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "media.type.unsupported");
        assertRefused(new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '},
                "media.type.unsupported");
        assertRefused(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0}, "media.type.heif");
        assertRefused(new byte[] {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0}, "media.type.video");
        assertRefused(new byte[] {(byte) 0xFF}, "media.type.unsupported");
    }

    @Test
    void dimensionsAreReadFromTheHeaders() {
        assertThat(ImageHeaders.read("image/png", TestImages.png(321, 123))).isEqualTo(new ImageHeaders.Size(321, 123));
        assertThat(ImageHeaders.read("image/jpeg", TestImages.jpeg(320, 200))).isEqualTo(new ImageHeaders.Size(320, 200));
        assertThat(ImageHeaders.read("image/jpeg", TestImages.jpegWithExif(50, 30, 6)))
                .isEqualTo(new ImageHeaders.Size(50, 30));
        assertThat(ImageHeaders.read("image/png", TestImages.pngHeaderOnly(100_000, 100_000)).pixels())
                .isEqualTo(10_000_000_000L);
        assertThatThrownBy(() -> ImageHeaders.read("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void webVttAndSubRipAreRecognisedByTheirContent() {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nBonjour à toutes et à tous.\n\n"
                + "01:02.500 --> 01:05.000 align:start\nDeuxième ligne\n";
        assertThat(Subtitles.validate(vtt.getBytes(StandardCharsets.UTF_8), 1_000_000))
                .isEqualTo(SubtitlesFormat.WEBVTT);
        String srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:04,000\r\nBonjour\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,500\r\n"
                + "Au revoir\r\n";
        assertThat(Subtitles.validate(srt.getBytes(StandardCharsets.UTF_8), 1_000_000))
                .isEqualTo(SubtitlesFormat.SUBRIP);
    }

    @Test
    void badSubtitlesAreRefusedWithTheirReason() {
        assertSubtitles("", "media.subtitles.empty");
        assertSubtitles("WEBVTT\n\nrien ici\n", "media.subtitles.noCue");
        assertSubtitles("WEBVTT\n\n00:00:04.000 --> 00:00:01.000\nà l'envers\n", "media.subtitles.timing");
        assertSubtitles("WEBVTT\n\n00:00:01 --> 00:00:04\nsans millisecondes\n", "media.subtitles.timing");
        assertSubtitles("1\n00:00:01,000 --> 00:00:02,000\nun\n\n2\n00:00:03.000 --> 00:00:04,000\ndeux\n",
                "media.subtitles.timing");
        assertSubtitles("Bonjour, ceci n'est pas un sous-titre.", "media.subtitles.format");
        assertThatThrownBy(() -> Subtitles.validate(new byte[] {'W', 'E', 'B', 'V', 'T', 'T', '\n', (byte) 0xC3, 0x28},
                1_000_000)).extracting(e -> ((InvalidInputException) e).messageKey())
                .isEqualTo("media.subtitles.encoding");
        byte[] big = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n" + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Subtitles.validate(big, 1024)).extracting(e -> ((InvalidInputException) e)
                .messageKey()).isEqualTo("media.subtitles.tooLarge");
    }

    private static void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> MediaTypes.detect(content)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }

    private static void assertSubtitles(String text, String key) {
        assertThatThrownBy(() -> Subtitles.validate(text.getBytes(StandardCharsets.UTF_8), 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }
}

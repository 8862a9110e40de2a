package fr.parvis.publishing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Renditions that fit a network's limits, without metadata. */
class RenditionsTests {

    @Test
    void aLargeNoisyPngBecomesAJpegUnderTheLimitWithItsAspectRatio() throws Exception {
        byte[] png = TestImages.noisyPng(3000, 2000, 42);
        assertThat(png.length).as("the source is far above the limit").isGreaterThan(2_000_000);

        Renditions.Rendered rendered = Renditions.make(png, "image/png", 3000, 2000, Set.of("image/jpeg"), 1_000_000);

        assertThat(rendered.mediaType()).isEqualTo("image/jpeg");
        assertThat(rendered.content().length).isLessThanOrEqualTo(1_000_000);
        assertThat(MediaTypes.detect(rendered.content()).mediaType()).isEqualTo("image/jpeg");
        BufferedImage image = TestImages.read(rendered.content());
        assertThat(image.getWidth()).isEqualTo(rendered.width());
        assertThat(image.getHeight()).isEqualTo(rendered.height());
        assertThat((double) image.getWidth() / image.getHeight()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anAcceptedJpegKeepsItsPictureAndLosesItsExif() throws Exception {
        byte[] jpeg = TestImages.jpegWithExif(60, 40, 1);
        assertThat(TestImages.contains(jpeg, "GPSLatitude")).isTrue();

        Renditions.Rendered rendered = Renditions.make(jpeg, "image/jpeg", 60, 40, Set.of("image/jpeg", "image/png"),
                1_000_000);

        assertThat(rendered.mediaType()).isEqualTo("image/jpeg");
        assertThat(TestImages.contains(rendered.content(), "GPSLatitude")).isFalse();
        assertThat(TestImages.contains(rendered.content(), "Exif")).isFalse();
        assertThat(rendered.content().length).isEqualTo(jpeg.length - (jpeg.length - TestImages.jpeg(60, 40).length));
        assertThat(TestImages.read(rendered.content()).getWidth()).isEqualTo(60);
    }

    @Test
    void aRotatedPhotoIsTurnedUprightAndReencodedWithoutMetadata() throws Exception {
        byte[] jpeg = TestImages.jpegWithExif(60, 40, 6);

        Renditions.Rendered rendered = Renditions.make(jpeg, "image/jpeg", 60, 40, Set.of("image/jpeg"), 1_000_000);

        assertThat(TestImages.contains(rendered.content(), "GPSLatitude")).isFalse();
        assertThat(TestImages.contains(rendered.content(), "Exif")).isFalse();
        BufferedImage image = TestImages.read(rendered.content());
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(60);
        // the left half was red: turned 90° clockwise, it is now the top half
        assertThat((image.getRGB(20, 5) >> 16) & 0xFF).isGreaterThan(150);
        assertThat(image.getRGB(20, 55) & 0xFF).isGreaterThan(150);
    }

    @Test
    void aPngTurnedIntoAPngLosesItsTextChunks() throws Exception {
        byte[] png = TestImages.png(30, 20);
        byte[] withText = insertTextChunk(png, "GPS 48.85N");

        Renditions.Rendered rendered = Renditions.make(withText, "image/png", 30, 20, Set.of("image/png"), 1_000_000);

        assertThat(TestImages.contains(withText, "48.85N")).isTrue();
        assertThat(TestImages.contains(rendered.content(), "48.85N")).isFalse();
        assertThat(TestImages.read(rendered.content()).getWidth()).isEqualTo(30);
    }

    @Test
    void aWebpForANetworkThatRefusesWebpBecomesAJpegOrAPngWithItsPicture() throws Exception {
        Renditions.Rendered jpeg = Renditions.make(TestImages.webp(), "image/webp", 60, 40, Set.of("image/jpeg"),
                1_000_000);
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(MediaTypes.detect(jpeg.content()).mediaType()).isEqualTo("image/jpeg");
        BufferedImage picture = TestImages.read(jpeg.content());
        assertThat(picture.getWidth()).isEqualTo(60);
        assertThat(picture.getHeight()).isEqualTo(40);
        assertThat((picture.getRGB(10, 20) >> 16) & 0xFF).as("left half red").isGreaterThan(180);
        assertThat(picture.getRGB(50, 20) & 0xFF).as("right half blue").isGreaterThan(180);

        // transparency: PNG first when the network takes it, so the alpha survives
        Renditions.Rendered png = Renditions.make(TestImages.webpWithAlpha(), "image/webp", 30, 20,
                Set.of("image/jpeg", "image/png"), 1_000_000);
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage logo = TestImages.read(png.content());
        assertThat(logo.getColorModel().hasAlpha()).isTrue();
        assertThat(logo.getRGB(5, 2) >>> 24).as("top half half-transparent").isBetween(100, 160);
        assertThat(logo.getRGB(5, 17) >>> 24).as("bottom half opaque").isEqualTo(255);
    }

    @Test
    void aWebpAcceptedAsItIsLosesItsExifChunkOnly() throws Exception {
        byte[] webp = TestImages.webpWithExif();
        assertThat(TestImages.contains(webp, "GPSLatitude")).isTrue();

        Renditions.Rendered rendered = Renditions.make(webp, "image/webp", 60, 40, Set.of("image/webp", "image/jpeg"),
                1_000_000);

        assertThat(rendered.mediaType()).isEqualTo("image/webp");
        assertThat(TestImages.contains(rendered.content(), "GPSLatitude")).isFalse();
        assertThat(TestImages.contains(rendered.content(), "EXIF")).isFalse();
        assertThat(rendered.content()[20] & 0x08).as("VP8X no longer announces EXIF").isZero();
        int riffSize = (rendered.content()[4] & 0xFF) | (rendered.content()[5] & 0xFF) << 8;
        assertThat(riffSize).isEqualTo(rendered.content().length - 8);
        assertThat(TestImages.read(rendered.content()).getWidth()).as("still a readable WebP").isEqualTo(60);
    }

    @Test
    void aCorruptWebpCannotBeRendered() {
        byte[] webp = TestImages.webp().clone();
        for (int i = 30; i < webp.length; i++) {
            webp[i] = (byte) 0xA5;
        }
        assertThatThrownBy(() -> Renditions.make(webp, "image/webp", 60, 40, Set.of("image/jpeg"), 1_000_000))
                .isInstanceOf(Renditions.Impossible.class)
                .extracting(e -> ((Renditions.Impossible) e).failure()).isEqualTo(Renditions.Failure.UNREADABLE);
    }

    @Test
    void impossibleRenditionsSayWhy() {
        byte[] png = TestImages.png(30, 20);
        assertThatThrownBy(() -> Renditions.make(png, "image/png", 30, 20, Set.of("image/webp"), 1_000_000))
                .isInstanceOf(Renditions.Impossible.class)
                .extracting(e -> ((Renditions.Impossible) e).failure()).isEqualTo(Renditions.Failure.NO_TYPE);
        byte[] noisy = TestImages.noisyPng(600, 400, 7);
        assertThatThrownBy(() -> Renditions.make(noisy, "image/png", 600, 400, Set.of("image/jpeg"), 200))
                .isInstanceOf(Renditions.Impossible.class)
                .extracting(e -> ((Renditions.Impossible) e).failure()).isEqualTo(Renditions.Failure.TOO_LARGE);
    }

    /** Adds a tEXt chunk after IHDR (the CRC is not checked by the stripping, and is left wrong). */
    private static byte[] insertTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR chunk
        out.writeBytes(new byte[] {0, 0, 0, (byte) data.length, 't', 'E', 'X', 't'});
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(new byte[] {'t', 'E', 'X', 't'});
        crc.update(data);
        long value = crc.getValue();
        out.writeBytes(new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}

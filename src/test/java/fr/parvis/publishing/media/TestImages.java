package fr.parvis.publishing.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made by the tests themselves. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 0x40);
            }
        }
        return write(image, "png");
    }

    /** A picture of gradients and noise, that compresses badly (several megabytes in PNG for 3000 × 2000). */
    static byte[] noisyPng(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(24);
                int r = Math.min(255, (x * 200 / width) + noise);
                int g = Math.min(255, (y * 200 / height) + noise);
                int b = Math.min(255, 64 + random.nextInt(8));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return write(image, "png");
    }

    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? 0xCC2222 : 0x2222CC);
            }
        }
        return write(image, "jpeg");
    }

    /**
     * A JPEG with an EXIF segment (right after SOI) holding an orientation tag and a GPS position
     * in clear text, as a phone would write it.
     */
    static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian, IFD0 at 8
        tiff.writeBytes(new byte[] {0, 1}); // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // Orientation SHORT
        tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        tiff.writeBytes("GPSLatitude=48.8566N GPSLongitude=2.3522E".getBytes(StandardCharsets.US_ASCII));
        byte[] payload = tiff.toByteArray();
        int length = 2 + 6 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Only the signature and IHDR of a PNG declaring {@code width × height}: no picture data at all. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        out.writeBytes(new byte[] {(byte) (width >> 24), (byte) (width >> 16), (byte) (width >> 8), (byte) width});
        out.writeBytes(new byte[] {(byte) (height >> 24), (byte) (height >> 16), (byte) (height >> 8), (byte) height});
        out.writeBytes(new byte[] {8, 2, 0, 0, 0, 0, 0, 0, 0}); // depth, colour, compression, filter, interlace, CRC
        return out.toByteArray();
    }

    /** The start of an MP4 file (ftyp isom) followed by random bytes: distinct on every call. */
    static byte[] mp4() {
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1'};
        byte[] video = new byte[4096];
        new Random().nextBytes(video);
        System.arraycopy(head, 0, video, 0, head.length);
        return video;
    }

    static BufferedImage read(byte[] content) {
        try {
            return ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** A fixture made with cwebp/webpmux (see src/test/resources/media/). */
    static byte[] resource(String name) {
        try (var in = TestImages.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lossy WebP, 60 × 40, red left half and blue right half. */
    static byte[] webp() {
        return resource("vitrail-60x40.webp");
    }

    /** A lossless WebP with transparency, 30 × 20 (top half half-transparent). */
    static byte[] webpWithAlpha() {
        return resource("logo-transparent-30x20.webp");
    }

    /** The lossy WebP in the extended format (VP8X) with an EXIF chunk naming a GPS latitude. */
    static byte[] webpWithExif() {
        return resource("photo-exif-60x40.webp");
    }
}

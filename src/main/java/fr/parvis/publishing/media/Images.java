package fr.parvis.publishing.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image work on ImageIO (the JDK's, plus the TwelveMonkeys WebP reader): decoding (after the
 * header check), EXIF orientation, scaling, encoding without any metadata (JPEG, PNG, GIF: there is
 * no WebP writer), and lossless removal of the metadata of JPEG, PNG and WebP files (EXIF with GPS
 * position, XMP, IPTC, comments, PNG text chunks).
 */
final class Images {

    private Images() {
    }

    /** Decodes the first image, reading every {@code subsampling}-th pixel; {@code null} when unreadable. */
    static BufferedImage decode(byte[] content, int subsampling) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The picture as it should be seen, for a JPEG whose EXIF orientation is not 1. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, hasAlpha(image)
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    /** Scaled so that its longest side is at most {@code maxSide} (never enlarged). */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        return longest <= maxSide ? image : scale(image, (double) maxSide / longest);
    }

    /** Scaled by {@code factor} (&lt; 1), halving first for a smooth result, aspect ratio kept. */
    static BufferedImage scale(BufferedImage image, double factor) {
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = draw(current, targetWidth, targetHeight);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage image, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, hasAlpha(image) ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Transparent pixels on white, for JPEG. */
    static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Encodes without metadata; {@code quality} (0–1) is used by JPEG only. */
    static byte[] encode(BufferedImage image, String mediaType, float quality) {
        String format = switch (mediaType) {
            case MediaTypes.JPEG -> "jpeg";
            case MediaTypes.PNG -> "png";
            case MediaTypes.GIF -> "gif";
            default -> throw new IllegalArgumentException(mediaType);
        };
        BufferedImage source = mediaType.equals(MediaTypes.JPEG) ? opaque(image) : image;
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (mediaType.equals(MediaTypes.JPEG)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(source, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The EXIF orientation (1–8) of a JPEG, 1 when absent. Reads the first APP1 Exif segment's
     * IFD0 tag 0x0112.
     */
    static int jpegOrientation(byte[] b) {
        try {
            int position = 2;
            while (position + 4 <= b.length && (b[position] & 0xFF) == 0xFF) {
                int marker = b[position + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1;
                }
                int length = ImageHeaders.u16(b, position + 2);
                int data = position + 4;
                if (marker == 0xE1 && MediaTypes.ascii(b, data, "Exif\0\0")) {
                    int tiff = data + 6;
                    boolean little = b[tiff] == 'I';
                    int ifd = tiff + (int) u32(b, tiff + 4, little);
                    int entries = u16(b, ifd, little);
                    for (int e = 0; e < entries; e++) {
                        int entry = ifd + 2 + 12 * e;
                        if (u16(b, entry, little) == 0x0112) {
                            return u16(b, entry + 8, little);
                        }
                    }
                    return 1;
                }
                position += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /**
     * A JPEG without its metadata segments, bytes of the picture untouched: drops APP1 (EXIF, XMP),
     * APP3–APP13 (IPTC…), APP15, comments, and APP2 unless it is an ICC colour profile. Keeps APP0
     * (JFIF) and APP14 (Adobe colour transform). {@code null} when the structure is not understood.
     */
    static byte[] stripJpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int position = 2;
        while (position + 4 <= b.length) {
            if ((b[position] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[position + 1] & 0xFF;
            if (marker == 0xDA) { // start of scan: the rest is picture data
                out.write(b, position, b.length - position);
                return out.toByteArray();
            }
            int length = ImageHeaders.u16(b, position + 2);
            if (length < 2 || position + 2 + length > b.length) {
                return null;
            }
            boolean drop = marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xEF || marker == 0xFE
                    || (marker == 0xE2 && !MediaTypes.ascii(b, position + 4, "ICC_PROFILE"));
            if (!drop) {
                out.write(b, position, 2 + length);
            }
            position += 2 + length;
        }
        return null;
    }

    /**
     * A PNG with only the chunks that draw the picture (critical chunks, transparency, colour space,
     * animation); text, EXIF and time chunks dropped. {@code null} when the structure is not understood.
     */
    static byte[] stripPng(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int position = 8;
        while (position + 12 <= b.length) {
            long length = ImageHeaders.u32(b, position);
            if (length > b.length - position - 12) {
                return null;
            }
            String type = new String(b, position + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean keep = switch (type) {
                case "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "acTL",
                        "fcTL", "fdAT", "bKGD" -> true;
                default -> false;
            };
            if (keep) {
                out.write(b, position, (int) length + 12);
            }
            position += (int) length + 12;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        return null;
    }

    /**
     * A WebP without its EXIF and XMP chunks (the VP8X flags updated, the RIFF size recomputed),
     * the picture chunks untouched. {@code null} when the structure is not understood.
     */
    static byte[] stripWebp(byte[] b) {
        if (b.length < 20 || !MediaTypes.ascii(b, 0, "RIFF") || !MediaTypes.ascii(b, 8, "WEBP")) {
            return null;
        }
        long declared = u32(b, 4, true) + 8;
        int end = (int) Math.min(b.length, declared);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int position = 12;
        while (position + 8 <= end) {
            long length = u32(b, position + 4, true);
            long padded = length + (length & 1);
            if (padded > end - position - 8) {
                return null;
            }
            String type = new String(b, position, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                int start = out.size();
                out.write(b, position, (int) padded + 8);
                if (type.equals("VP8X")) {
                    byte[] written = out.toByteArray();
                    written[start + 8] &= (byte) ~0x0C; // no EXIF (0x08) nor XMP (0x04) any more
                    out.reset();
                    out.write(written, 0, written.length);
                }
            }
            position += (int) padded + 8;
        }
        if (position != end) {
            return null;
        }
        byte[] result = out.toByteArray();
        int size = result.length - 8;
        result[4] = (byte) size;
        result[5] = (byte) (size >> 8);
        result[6] = (byte) (size >> 16);
        result[7] = (byte) (size >> 24);
        return result;
    }

    private static int u16(byte[] b, int offset, boolean little) {
        return little ? ImageHeaders.u16le(b, offset) : ImageHeaders.u16(b, offset);
    }

    private static long u32(byte[] b, int offset, boolean little) {
        if (!little) {
            return ImageHeaders.u32(b, offset);
        }
        return (b[offset] & 0xFFL) | ((b[offset + 1] & 0xFFL) << 8) | ((b[offset + 2] & 0xFFL) << 16)
                | ((b[offset + 3] & 0xFFL) << 24);
    }
}

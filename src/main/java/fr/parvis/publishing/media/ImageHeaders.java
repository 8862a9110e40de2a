package fr.parvis.publishing.media;

import fr.parvis.shared.InvalidInputException;

/**
 * Width and height of an image read from its header only, before any decoding: a small file can
 * declare an enormous picture (a decompression bomb) that would exhaust the memory if decoded.
 */
final class ImageHeaders {

    /** Dimensions in pixels. */
    record Size(int width, int height) {

        long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeaders() {
    }

    static Size read(String mediaType, byte[] b) {
        Size size = switch (mediaType) {
            case MediaTypes.PNG -> png(b);
            case MediaTypes.GIF -> gif(b);
            case MediaTypes.JPEG -> jpeg(b);
            case MediaTypes.WEBP -> webp(b);
            default -> null;
        };
        if (size == null || size.width() <= 0 || size.height() <= 0) {
            throw new InvalidInputException("media.image.unreadable", "file");
        }
        return size;
    }

    private static Size png(byte[] b) {
        if (b.length < 24 || !MediaTypes.ascii(b, 12, "IHDR")) {
            return null;
        }
        long width = u32(b, 16);
        long height = u32(b, 20);
        return width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? new Size(Integer.MAX_VALUE, Integer.MAX_VALUE)
                : new Size((int) width, (int) height);
    }

    /** The logical screen, and the first frame when it is larger (the decoder allocates the frame). */
    private static Size gif(byte[] b) {
        if (b.length < 13) {
            return null;
        }
        int width = u16le(b, 6);
        int height = u16le(b, 8);
        int position = 13;
        if ((b[10] & 0x80) != 0) {
            position += 3 * (1 << ((b[10] & 0x07) + 1));
        }
        while (position < b.length) {
            int block = b[position] & 0xFF;
            if (block == 0x2C) { // image descriptor
                if (position + 9 > b.length) {
                    return null;
                }
                width = Math.max(width, u16le(b, position + 5));
                height = Math.max(height, u16le(b, position + 7));
                break;
            } else if (block == 0x21) { // extension: label, then sub-blocks up to a zero length
                position += 2;
                while (position < b.length && (b[position] & 0xFF) != 0) {
                    position += (b[position] & 0xFF) + 1;
                }
                position++;
            } else {
                break;
            }
        }
        return new Size(width, height);
    }

    /** Walks the markers up to the first start-of-frame (SOF0…SOF15 except DHT, JPG, DAC). */
    private static Size jpeg(byte[] b) {
        int position = 2;
        while (position + 4 <= b.length) {
            if ((b[position] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[position + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                position++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // no length
                position += 2;
                continue;
            }
            int length = u16(b, position + 2);
            if (length < 2) {
                return null;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (position + 9 > b.length) {
                    return null;
                }
                return new Size(u16(b, position + 7), u16(b, position + 5));
            }
            if (marker == 0xDA || marker == 0xD9) { // scan or end before any frame header
                return null;
            }
            position += 2 + length;
        }
        return null;
    }

    /**
     * The first chunk of a WebP file: VP8X (extended: the canvas, 24-bit sizes minus one), VP8L
     * (lossless: 14-bit sizes minus one after the 0x2F signature) or VP8 (lossy: 14-bit sizes after
     * the key frame start code 9D 01 2A).
     */
    private static Size webp(byte[] b) {
        if (b.length < 30 || !MediaTypes.ascii(b, 0, "RIFF") || !MediaTypes.ascii(b, 8, "WEBP")) {
            return null;
        }
        if (MediaTypes.ascii(b, 12, "VP8X")) {
            return new Size(1 + u24le(b, 24), 1 + u24le(b, 27));
        }
        if (MediaTypes.ascii(b, 12, "VP8L")) {
            if ((b[20] & 0xFF) != 0x2F) {
                return null;
            }
            long bits = (b[21] & 0xFFL) | ((b[22] & 0xFFL) << 8) | ((b[23] & 0xFFL) << 16) | ((b[24] & 0xFFL) << 24);
            return new Size(1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF));
        }
        if (MediaTypes.ascii(b, 12, "VP8 ")) {
            if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                return null;
            }
            return new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        return null;
    }

    static int u24le(byte[] b, int offset) {
        return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8) | ((b[offset + 2] & 0xFF) << 16);
    }

    static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    static int u16le(byte[] b, int offset) {
        return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8);
    }

    static long u32(byte[] b, int offset) {
        return ((long) (b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }
}

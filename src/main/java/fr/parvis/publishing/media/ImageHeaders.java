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

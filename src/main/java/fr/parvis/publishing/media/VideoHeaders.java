package fr.parvis.publishing.media;

import java.nio.charset.StandardCharsets;

/**
 * Reads the duration and the picture size of an MP4 video from its boxes ({@code moov/mvhd} and the
 * {@code tkhd} of its first track with a picture), without decoding anything. A WebM video, or an MP4
 * whose boxes cannot be read, gives an unknown duration and size (the networks' limits on them are
 * then not checked by Parvis, and the network decides).
 */
final class VideoHeaders {

    /** What was read; any part may be {@code null}. */
    record Info(Long durationMs, Integer width, Integer height) {

        static final Info UNKNOWN = new Info(null, null, null);
    }

    private VideoHeaders() {
    }

    static Info read(String mediaType, byte[] b) {
        if (!MediaTypes.MP4.equals(mediaType)) {
            return Info.UNKNOWN;
        }
        try {
            long[] moov = find(b, 0, b.length, "moov");
            if (moov == null) {
                return Info.UNKNOWN;
            }
            Long duration = null;
            long[] mvhd = find(b, moov[0], moov[1], "mvhd");
            if (mvhd != null) {
                int p = (int) mvhd[0];
                int version = b[p] & 0xFF;
                long timescale;
                long units;
                if (version == 1) {
                    timescale = u32(b, p + 20);
                    units = u64(b, p + 24);
                } else {
                    timescale = u32(b, p + 12);
                    units = u32(b, p + 16);
                }
                if (timescale > 0 && units >= 0 && units != 0xFFFFFFFFL && units < Long.MAX_VALUE / 1000) {
                    duration = units * 1000 / timescale;
                }
            }
            Integer width = null;
            Integer height = null;
            long from = moov[0];
            long[] trak;
            while ((trak = find(b, from, moov[1], "trak")) != null) {
                long[] tkhd = find(b, trak[0], trak[1], "tkhd");
                if (tkhd != null) {
                    int p = (int) tkhd[0];
                    int offset = (b[p] & 0xFF) == 1 ? 88 : 76;
                    int w = (int) (u32(b, p + offset) >>> 16);
                    int h = (int) (u32(b, p + offset + 4) >>> 16);
                    if (w > 0 && h > 0) {
                        width = w;
                        height = h;
                        break;
                    }
                }
                from = trak[1];
            }
            return new Info(duration, width, height);
        } catch (ArrayIndexOutOfBoundsException e) {
            return Info.UNKNOWN;
        }
    }

    /**
     * The first box of this type among the boxes from {@code start} to {@code end}: the offsets of its
     * content and of its end, or {@code null}.
     */
    private static long[] find(byte[] b, long start, long end, String type) {
        long p = start;
        while (p + 8 <= end) {
            long size = u32(b, (int) p);
            String t = new String(b, (int) p + 4, 4, StandardCharsets.ISO_8859_1);
            long header = 8;
            if (size == 1) {
                size = u64(b, (int) p + 8);
                header = 16;
            } else if (size == 0) {
                size = end - p;
            }
            if (size < header || p + size > end) {
                return null;
            }
            if (t.equals(type)) {
                return new long[] {p + header, p + size};
            }
            p += size;
        }
        return null;
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    private static long u64(byte[] b, int p) {
        return (u32(b, p) << 32) | u32(b, p + 4);
    }
}

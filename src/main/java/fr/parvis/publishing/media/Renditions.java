package fr.parvis.publishing.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes an image fit a network: the original when the network accepts its type and size (its
 * metadata removed without re-encoding), else a re-encoded copy (no metadata at all) in an accepted
 * type — PNG first for pictures with transparency or drawn graphics when accepted, then JPEG at
 * decreasing qualities, then smaller and smaller (aspect ratio kept) until it fits.
 */
final class Renditions {

    /** JPEG qualities tried at full size, then the one used while reducing. */
    private static final float[] QUALITIES = {0.92f, 0.85f, 0.75f, 0.65f};
    private static final float REDUCED_QUALITY = 0.8f;
    /** Below this longest side a reduction is pointless: the network's limit cannot be met. */
    private static final int SMALLEST_SIDE = 160;

    /** A made image. */
    record Rendered(byte[] content, String mediaType, int width, int height) {
    }

    /** Why no rendition could be made. */
    enum Failure {
        NO_TYPE, TOO_LARGE, UNREADABLE
    }

    static final class Impossible extends Exception {

        private final Failure failure;

        Impossible(Failure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private Renditions() {
    }

    static Rendered make(byte[] original, String mediaType, int width, int height, Set<String> accepted,
            long maxBytes) throws Impossible {
        int orientation = mediaType.equals(MediaTypes.JPEG) ? Images.jpegOrientation(original) : 1;
        if (accepted.contains(mediaType) && orientation <= 1) {
            byte[] stripped = switch (mediaType) {
                case MediaTypes.JPEG -> Images.stripJpeg(original);
                case MediaTypes.PNG -> Images.stripPng(original);
                case MediaTypes.WEBP -> Images.stripWebp(original);
                default -> original; // GIF: kept as is, animation included
            };
            if (stripped != null && stripped.length <= maxBytes) {
                return new Rendered(stripped, mediaType, width, height);
            }
        }
        List<String> targets = targets(mediaType, accepted);
        if (targets.isEmpty()) {
            throw new Impossible(Failure.NO_TYPE);
        }
        BufferedImage decoded = Images.decode(original, 1);
        if (decoded == null) {
            throw new Impossible(Failure.UNREADABLE);
        }
        BufferedImage image = Images.orient(decoded, orientation);
        for (int i = 0; i < targets.size(); i++) {
            Rendered rendered = fit(image, targets.get(i), maxBytes, i == targets.size() - 1);
            if (rendered != null) {
                return rendered;
            }
        }
        throw new Impossible(Failure.TOO_LARGE);
    }

    /** Accepted types worth trying, best first. */
    static List<String> targets(String source, Set<String> accepted) {
        List<String> order = new ArrayList<>();
        if (!source.equals(MediaTypes.JPEG)) {
            order.add(MediaTypes.PNG); // lossless first for graphics and transparency
        }
        order.add(MediaTypes.JPEG);
        order.add(MediaTypes.PNG);
        order.add(MediaTypes.GIF);
        return order.stream().distinct().filter(accepted::contains).toList();
    }

    private static Rendered fit(BufferedImage image, String type, long maxBytes, boolean last) {
        if (type.equals(MediaTypes.JPEG)) {
            for (float quality : QUALITIES) {
                byte[] bytes = Images.encode(image, type, quality);
                if (bytes.length <= maxBytes) {
                    return new Rendered(bytes, type, image.getWidth(), image.getHeight());
                }
            }
        } else {
            byte[] bytes = Images.encode(image, type, 1f);
            if (bytes.length <= maxBytes) {
                return new Rendered(bytes, type, image.getWidth(), image.getHeight());
            }
            if (type.equals(MediaTypes.PNG) && !Images.hasAlpha(image) && !last) {
                return null; // an opaque picture too large in PNG: JPEG will do better than a smaller PNG
            }
        }
        BufferedImage current = image;
        byte[] bytes = Images.encode(current, type, REDUCED_QUALITY);
        while (Math.max(current.getWidth(), current.getHeight()) > SMALLEST_SIDE) {
            // the size grows with the pixels: aim a little below the limit
            double factor = Math.max(0.5, Math.min(0.9, Math.sqrt((double) maxBytes / bytes.length) * 0.95));
            current = Images.scale(image, factor * current.getWidth() / image.getWidth());
            bytes = Images.encode(current, type, REDUCED_QUALITY);
            if (bytes.length <= maxBytes) {
                return new Rendered(bytes, type, current.getWidth(), current.getHeight());
            }
        }
        return null;
    }
}

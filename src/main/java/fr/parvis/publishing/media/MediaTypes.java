package fr.parvis.publishing.media;

import fr.parvis.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Recognises a file from its first bytes (magic numbers), never from its name or the
 * Content-Type the browser sent: a text file named {@code .png} is refused, a PNG named
 * {@code .jpg} is a PNG. SVG (a document that can carry scripts) is never accepted.
 */
final class MediaTypes {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String MP4 = "video/mp4";
    static final String WEBM = "video/webm";

    /** Major brands of the ISO base media files that are MP4 videos (not QuickTime, not HEIF/AVIF images). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7",
            "iso8", "iso9", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV", "f4v ");

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1", "avif", "avis");

    /** A recognised type. */
    record Detected(String mediaType, MediaKind kind) {
    }

    private MediaTypes() {
    }

    /** The type of {@code content}, or an {@link InvalidInputException} naming why it is refused. */
    static Detected detect(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return new Detected(JPEG, MediaKind.IMAGE);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Detected(PNG, MediaKind.IMAGE);
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return new Detected(GIF, MediaKind.IMAGE);
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            // read by the TwelveMonkeys ImageIO plugin; renditions are JPEG or PNG where WebP is refused
            return new Detected(WEBP, MediaKind.IMAGE);
        }
        if (b.length >= 12 && ascii(b, 4, "ftyp")) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (MP4_BRANDS.contains(brand)) {
                return new Detected(MP4, MediaKind.VIDEO);
            }
            if (HEIF_BRANDS.contains(brand)) {
                throw new InvalidInputException("media.type.heif", "file");
            }
            throw new InvalidInputException("media.type.video", "file", brand.strip());
        }
        if (startsWith(b, 0x1A, 0x45, 0xDF, 0xA3)) {
            // EBML: WebM or another Matroska file; the doctype is in the first bytes
            String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1);
            if (head.contains("webm")) {
                return new Detected(WEBM, MediaKind.VIDEO);
            }
            throw new InvalidInputException("media.type.video", "file", "Matroska");
        }
        throw new InvalidInputException("media.type.unsupported", "file");
    }

    static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean ascii(byte[] b, int offset, String text) {
        if (b.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The usual extension of a type, for file names of renditions. */
    static String extension(String mediaType) {
        return switch (mediaType) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
            case MP4 -> "mp4";
            case WEBM -> "webm";
            default -> "bin";
        };
    }
}

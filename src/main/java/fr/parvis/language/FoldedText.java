package fr.parvis.language;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for matching (lower case, accents removed, typographic apostrophes and non-breaking
 * spaces made plain, œ → oe), which remembers for each folded char the offset of the original char it
 * comes from, so that a match in the folded text is reported on the original.
 */
final class FoldedText {

    private static final String[] BMP_CACHE = new String[0x10000];

    final String original;
    final String text;
    private final int[] origin;

    private FoldedText(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length() + 8);
        int[] origin = new int[original.length() + 16];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            String piece = width == 1 ? foldChar((char) cp) : original.substring(i, i + width);
            if (origin.length < folded.length() + piece.length()) {
                origin = Arrays.copyOf(origin, Math.max(origin.length * 2, folded.length() + piece.length()));
            }
            for (int k = 0; k < piece.length(); k++) {
                origin[folded.length()] = i + (width == 2 ? k : 0);
                folded.append(piece.charAt(k));
            }
            i += width;
        }
        return new FoldedText(original, folded.toString(), origin);
    }

    /** The folded form of a short string (a name, a word), without offsets. */
    static String fold(String s) {
        return of(s).text;
    }

    /** Offset in the original text of the folded char at {@code foldedIndex}. */
    int start(int foldedIndex) {
        return origin[foldedIndex];
    }

    /** Offset in the original text just after the folded range ending (exclusive) at {@code foldedEnd}. */
    int end(int foldedEnd) {
        if (foldedEnd <= 0) {
            return 0;
        }
        int last = origin[foldedEnd - 1];
        return last + 1;
    }

    private static String foldChar(char c) {
        String cached = BMP_CACHE[c];
        if (cached != null) {
            return cached;
        }
        String folded = computeFold(c);
        BMP_CACHE[c] = folded;
        return folded;
    }

    private static String computeFold(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '\u2032', '`', '\u00B4' -> {
                return "'";
            }
            case '\u00A0', '\u202F', '\u2007', '\u2009' -> {
                return " ";
            }
            case '\u2010', '\u2011' -> {
                return "-";
            }
            case '\u0153' -> {
                return "oe";
            }
            case '\u0152' -> {
                return "oe";
            }
            case '\u00E6', '\u00C6' -> {
                return "ae";
            }
            default -> {
                // fall through
            }
        }
        if (c < 0x80) {
            return String.valueOf(Character.toLowerCase(c));
        }
        if (Character.isSurrogate(c)) {
            return String.valueOf(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            int type = Character.getType(d);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                kept.append(d);
            }
        }
        if (kept.isEmpty()) {
            return "";
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}

package fr.parvis.language;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Locale;

/**
 * "Fancy" letters that social networks users paste to get bold, italic, script, double-struck,
 * full-width, circled, squared or small-capital text: screen readers spell them, name them or skip
 * them. Superscript letters (ᵉ, ʳ) are not fancy: French ordinals use them.
 */
final class FancyLetters {

    private static final BitSet BMP_FANCY = new BitSet(0x10000);

    static {
        // full-width digits and letters
        BMP_FANCY.set(0xFF10, 0xFF1A);
        BMP_FANCY.set(0xFF21, 0xFF3B);
        BMP_FANCY.set(0xFF41, 0xFF5B);
        // parenthesised and circled letters ⒜ Ⓐ ⓐ
        BMP_FANCY.set(0x249C, 0x24EA);
        // small capitals ᴀ ʙ ᴄ …, script / double-struck / black-letter letters ℬ ℂ ℌ …
        for (int[] range : new int[][] {{0x0250, 0x02AF}, {0x1D00, 0x1DBF}, {0xA720, 0xA7FF}, {0x2100, 0x214F}}) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                String name = Character.getName(cp);
                if (name == null) {
                    continue;
                }
                if (name.contains("SMALL CAPITAL")) {
                    BMP_FANCY.set(cp);
                } else if (range[0] == 0x2100 && (name.contains("SCRIPT") || name.contains("DOUBLE-STRUCK")
                        || name.contains("BLACK-LETTER") || name.startsWith("PLANCK CONSTANT"))) {
                    String plain = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                    if (plain.length() == 1 && Character.isLetter(plain.charAt(0)) && plain.charAt(0) < 0x80) {
                        BMP_FANCY.set(cp);
                    }
                }
            }
        }
    }

    private FancyLetters() {
    }

    /** Whether {@code cp} is a fancy letter; {@code next} is the following code point (-1 at the end). */
    static boolean isFancy(int cp, int next) {
        if (cp < 0x10000) {
            if (cp == 0x24C2 && next == 0xFE0F) {
                return false; // Ⓜ️ the emoji
            }
            return BMP_FANCY.get(cp);
        }
        if (cp >= 0x1D400 && cp <= 0x1D7FF) {
            return Character.isLetterOrDigit(cp);
        }
        if (cp >= 0x1F110 && cp <= 0x1F189) {
            return next != 0xFE0F && Character.getName(cp) != null && Character.getName(cp).contains("LETTER");
        }
        return false;
    }

    /** The plain letter a screen reader would have read. */
    static String plain(int cp) {
        String s = new String(Character.toChars(cp));
        String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (!nfkc.equals(s) && nfkc.codePointCount(0, nfkc.length()) == 1) {
            return nfkc;
        }
        String name = Character.getName(cp);
        if (name != null) {
            int space = name.lastIndexOf(' ');
            String last = name.substring(space + 1);
            if (last.length() == 1) {
                boolean lower = name.contains("SMALL CAPITAL") || name.contains("SMALL LETTER");
                return lower ? last.toLowerCase(Locale.ROOT) : last;
            }
        }
        return nfkc;
    }
}

package fr.parvis.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds emojis in a text, one per grapheme (skin tones, ZWJ sequences, flags, keycaps and tag
 * sequences count as one), and gives the French name a screen reader says for each. The names come
 * from {@code language/emoji-fr.tsv} (Unicode CLDR annotations, Unicode License v3); an unknown emoji
 * gets its Unicode code point name.
 */
final class Emojis {

    static final String RESOURCE = "language/emoji-fr.tsv";

    private static final int ZWJ = 0x200D;
    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;
    private static final int KEYCAP = 0x20E3;

    /** One emoji found in a text. */
    record Emoji(String text, int start, int end, String name) {
    }

    private final Map<String, String> names;

    private Emojis(Map<String, String> names) {
        this.names = names;
    }

    static Emojis load() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = Emojis.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(RESOURCE + ": bad line " + line);
                }
                names.put(key(line.substring(0, tab)), line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Emojis(Map.copyOf(names));
    }

    int size() {
        return names.size();
    }

    /** The emojis of the text, in order. */
    List<Emoji> scan(String text) {
        List<Emoji> found = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = emojiEnd(text, i);
            if (end > i) {
                String emoji = text.substring(i, end);
                found.add(new Emoji(emoji, i, end, name(emoji)));
                i = end;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return found;
    }

    /** If an emoji starts at {@code i}, the offset just after it; else {@code i}. */
    int emojiEnd(String text, int i) {
        int cp = text.codePointAt(i);
        int j = i + Character.charCount(cp);
        int next = j < text.length() ? text.codePointAt(j) : -1;
        if (isRegionalIndicator(cp)) {
            if (isRegionalIndicator(next)) {
                return j + Character.charCount(next);
            }
            return j;
        }
        if ((cp >= '0' && cp <= '9') || cp == '#' || cp == '*') {
            int k = j;
            if (next == VS16) {
                k++;
            }
            if (k < text.length() && text.charAt(k) == KEYCAP) {
                return k + 1;
            }
            return i;
        }
        if (!isEmojiBase(cp, next)) {
            return i;
        }
        return extend(text, j);
    }

    private int extend(String text, int j) {
        int n = text.length();
        while (j < n) {
            int cp = text.codePointAt(j);
            if (cp == VS16 || cp == VS15 || isSkinTone(cp) || (cp >= 0xE0020 && cp <= 0xE007F)) {
                j += Character.charCount(cp);
                continue;
            }
            if (cp == ZWJ && j + 1 < n) {
                int after = text.codePointAt(j + 1);
                if (isPictographic(after)) {
                    j += 1 + Character.charCount(after);
                    continue;
                }
            }
            break;
        }
        return j;
    }

    private boolean isEmojiBase(int cp, int next) {
        if (cp >= 0x1F000 && cp <= 0x1FAFF) {
            // enclosed letters (squared, circled, parenthesised) are fancy letters, not emojis,
            // unless the emoji presentation selector follows (🅰️, 🅿️)
            if (cp >= 0x1F100 && cp <= 0x1F18D) {
                return next == VS16;
            }
            return true;
        }
        if (cp < 0xA9) {
            return false;
        }
        if (next == VS16) {
            return true;
        }
        // text-presentation symbols (↔, ‼, ☀…) count when the list knows them; ™ stays a letterlike sign
        return cp >= 0x2000 && cp != 0x2122 && names.containsKey(new String(Character.toChars(cp)));
    }

    private static boolean isPictographic(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2000 && cp <= 0x2BFF);
    }

    static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** The French screen-reader name of an emoji. */
    String name(String emoji) {
        String key = key(emoji);
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        int first = key.codePointAt(0);
        if (isRegionalIndicator(first) && key.length() == 4) {
            String region = new String(new char[] {(char) ('A' + first - 0x1F1E6),
                    (char) ('A' + key.codePointAt(2) - 0x1F1E6)});
            String country = new Locale("", region).getDisplayCountry(Locale.FRENCH);
            return "drapeau : " + (country.isBlank() || country.equals(region) ? region : country);
        }
        StringBuilder tones = new StringBuilder();
        StringBuilder base = new StringBuilder();
        key.codePoints().forEach(cp -> {
            if (isSkinTone(cp)) {
                String tone = names.get(new String(Character.toChars(cp)));
                if (tones.length() > 0) {
                    tones.append(", ");
                }
                tones.append(tone != null ? tone : Character.getName(cp));
            } else {
                base.appendCodePoint(cp);
            }
        });
        if (tones.length() > 0 && base.length() > 0) {
            String baseName = names.get(base.toString());
            if (baseName != null) {
                return baseName + " : " + tones;
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : key.split("\u200D")) {
            if (part.isEmpty()) {
                continue;
            }
            String partName = names.get(part);
            if (partName == null) {
                StringBuilder cpNames = new StringBuilder();
                part.codePoints().filter(cp -> cp < 0xE0000).forEach(cp -> {
                    if (cpNames.length() > 0) {
                        cpNames.append(' ');
                    }
                    String n = isSkinTone(cp) ? names.get(new String(Character.toChars(cp))) : null;
                    cpNames.append(n != null ? n : String.valueOf(Character.getName(cp)).toLowerCase(Locale.ROOT));
                });
                partName = cpNames.toString();
            }
            parts.add(partName);
        }
        return String.join(" ", parts);
    }

    /** The lookup key: the emoji without variation selectors (as CLDR writes them). */
    static String key(String emoji) {
        StringBuilder key = new StringBuilder(emoji.length());
        emoji.codePoints().filter(cp -> cp != VS16 && cp != VS15).forEach(key::appendCodePoint);
        return key.toString();
    }
}

package fr.parvis.publishing.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 5545 writer: text escaping, UTC date-times, CRLF lines folded at 75 octets. */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** Writes a property line; the value is written as is (escape TEXT values with {@link #text}). */
    public ICalendar line(String name, String value) {
        for (String folded : fold(name + ":" + value)) {
            out.append(folded).append("\r\n");
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and new lines escaped. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /**
     * Splits a content line into lines of at most 75 octets (UTF-8), continuation lines starting
     * with a space, never inside a character.
     */
    static List<String> fold(String line) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(' ');
                octets = 1;
            }
            current.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        lines.add(current.toString());
        return lines;
    }
}

package fr.parvis.language;

import java.util.List;
import java.util.Objects;

/**
 * One remark of a lint on a text or on its media.
 *
 * @param code stable identifier of the rule (for example {@code ALT_MISSING}, {@code NEUTRALITY_BILAN})
 * @param severity error or warning
 * @param messageKey key of the explanation in the {@code i18n/language} bundle
 * @param args the message arguments, in order (never null elements)
 * @param reference the rule the remark rests on, for example "RGAA 4.1 critère 1.1" or
 *        "Code électoral L52-1 al. 2"
 * @param start offset of the first char concerned in the text (UTF-16 index), -1 when the remark is
 *        not about a span of the text (a media, the whole text)
 * @param end offset just after the last char concerned, -1 with {@code start}
 */
public record TextFinding(String code, Severity severity, String messageKey, List<Object> args, String reference,
        int start, int end) {

    public TextFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(reference, "reference");
        args = args == null ? List.of() : List.copyOf(args);
        if (start < -1 || end < -1 || (start == -1) != (end == -1) || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** The arguments as {@code MessageSource} takes them. */
    public Object[] argsArray() {
        return args.toArray();
    }

    /** Whether the remark points at a span of the text. */
    public boolean hasSpan() {
        return start >= 0;
    }
}

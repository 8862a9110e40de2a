package fr.parvis.channels.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a network counts the length of a text. */
@FunctionalInterface
public interface TextCounter {

    int count(String text);

    /** Extended grapheme clusters (what a reader sees as one character): Bluesky's rule. */
    TextCounter GRAPHEMES = text -> {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher matcher = Patterns.GRAPHEME.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    };

    /**
     * Mastodon's rule (its {@code StatusLengthValidator}): extended grapheme clusters, where every URL
     * counts as 23 characters and a remote mention {@code @user@domain} counts as {@code @user}. An
     * emoji made of several code points (a family, a flag, a skin tone) counts as one.
     */
    TextCounter MASTODON = text -> {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String shortened = Patterns.URL.matcher(text).replaceAll("x".repeat(23));
        shortened = Patterns.REMOTE_MENTION.matcher(shortened).replaceAll("@$1");
        return GRAPHEMES.count(shortened);
    };

    /** Unicode code points. */
    TextCounter CODE_POINTS = text -> text == null ? 0 : text.codePointCount(0, text.length());

    /** Patterns shared by the counters. */
    final class Patterns {

        static final Pattern GRAPHEME = Pattern.compile("\\X");
        static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
        static final Pattern REMOTE_MENTION = Pattern.compile("@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

        private Patterns() {
        }
    }
}

package fr.parvis.channels.bluesky;

import fr.parvis.channels.spi.TextCounter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich text of a Bluesky post: links, mentions and hashtags are not recognised by the network from
 * the text; the post carries {@code facets} pointing at them by UTF-8 <em>byte</em> offsets
 * ({@code app.bsky.richtext.facet}). A mention needs the DID of the handle; a handle that does not
 * resolve stays plain text (as in Bluesky's own app).
 */
final class Facets {

    /** What a span of text is. */
    enum Kind {
        LINK,
        MENTION,
        TAG
    }

    /** A span of the text, in UTF-16 char indexes of the Java string. */
    record Span(Kind kind, int start, int end, String value) {
    }

    static final int MAX_TAG_GRAPHEMES = 64;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTION = Pattern.compile(
            "(?<=^|[\\s(])@([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}"
                    + "[a-zA-Z0-9])?)+)");
    private static final Pattern TAG = Pattern.compile("(?<=^|\\s)[#\uFF03]([^\\s#\uFF03]+)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^/#=_~-]]+$");
    private static final Pattern TRAILING_TAG_PUNCTUATION = Pattern.compile("\\p{P}+$");

    private Facets() {
    }

    /** The links, mentions and hashtags of a text, in order, never overlapping. */
    static List<Span> detect(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String url = trimUrl(link.group());
            if (url.length() > "https://".length()) {
                spans.add(new Span(Kind.LINK, link.start(), link.start() + url.length(), url));
            }
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String handle = mention.group(1);
            String tld = handle.substring(handle.lastIndexOf('.') + 1);
            if (tld.chars().anyMatch(Character::isLetter)) {
                add(spans, new Span(Kind.MENTION, mention.start(), mention.end(), handle.toLowerCase(Locale.ROOT)));
            }
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String value = TRAILING_TAG_PUNCTUATION.matcher(tag.group(1)).replaceFirst("");
            boolean hasNonDigit = value.codePoints().anyMatch(c -> !Character.isDigit(c));
            if (!value.isEmpty() && hasNonDigit && TextCounter.GRAPHEMES.count(value) <= MAX_TAG_GRAPHEMES) {
                add(spans, new Span(Kind.TAG, tag.start(), tag.start() + 1 + value.length(), value));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    /**
     * The {@code facets} of a post's record.
     *
     * @param resolve a handle's DID, empty when it does not resolve
     */
    static List<Map<String, Object>> facets(String text, Function<String, Optional<String>> resolve) {
        List<Map<String, Object>> facets = new ArrayList<>();
        for (Span span : detect(text)) {
            Map<String, Object> feature = new LinkedHashMap<>();
            switch (span.kind()) {
                case LINK -> {
                    feature.put("$type", "app.bsky.richtext.facet#link");
                    feature.put("uri", span.value());
                }
                case MENTION -> {
                    Optional<String> did = resolve.apply(span.value());
                    if (did.isEmpty()) {
                        continue;
                    }
                    feature.put("$type", "app.bsky.richtext.facet#mention");
                    feature.put("did", did.get());
                }
                case TAG -> {
                    feature.put("$type", "app.bsky.richtext.facet#tag");
                    feature.put("tag", span.value());
                }
                default -> throw new IllegalStateException(span.kind().name());
            }
            Map<String, Object> facet = new LinkedHashMap<>();
            facet.put("index", Map.of("byteStart", bytes(text, span.start()), "byteEnd", bytes(text, span.end())));
            facet.put("features", List.of(feature));
            facets.add(facet);
        }
        return facets;
    }

    /** The UTF-8 length of the text before a char index. */
    static int bytes(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void add(List<Span> spans, Span span) {
        for (Span other : spans) {
            if (span.start() < other.end() && other.start() < span.end()) {
                return;
            }
        }
        spans.add(span);
    }

    /** A URL without the punctuation that ends the sentence around it ({@code …/fete).}). */
    static String trimUrl(String url) {
        String trimmed = TRAILING_PUNCTUATION.matcher(url).replaceFirst("");
        while (trimmed.endsWith(")") && count(trimmed, '(') < count(trimmed, ')')) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (url.length() > trimmed.length() && url.charAt(trimmed.length()) == ')'
                && count(trimmed, '(') > count(trimmed, ')')) {
            trimmed = trimmed + ")";
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}

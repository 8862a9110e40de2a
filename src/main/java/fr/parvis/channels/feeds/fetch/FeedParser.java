package fr.parvis.channels.feeds.fetch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import fr.parvis.shared.Texts;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns the bytes of an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document into a {@link ParsedFeed}.
 *
 * <p>Character set, in this order: a byte-order mark, the XML declaration's {@code encoding}, the
 * HTTP {@code charset}, else UTF-8. As browsers do (WHATWG Encoding), ISO-8859-1 and US-ASCII are
 * read as Windows-1252, their superset. The bytes are decoded strictly: a document that claims (or
 * defaults to) UTF-8 but is not valid UTF-8 is read as Windows-1252, the usual encoding of older
 * French sites; other invalid bytes are an error ({@code feeds.error.encoding}). Characters XML
 * forbids (control characters) are removed. DOCTYPEs are refused (no external entities).
 */
public final class FeedParser {

    static final int SUMMARY_LENGTH = 1000;
    static final int TITLE_LENGTH = 500;
    static final int AUTHOR_LENGTH = 200;
    static final int LINK_LENGTH = 2048;
    static final int GUID_LENGTH = 1000;
    static final int KEY_LENGTH = 500;

    private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]{1,40})");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final int maxItems;

    public FeedParser(int maxItems) {
        this.maxItems = maxItems;
    }

    public ParsedFeed parse(byte[] body, String contentType) {
        Decoded decoded = decode(body, contentType);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new StringReader(FORBIDDEN.matcher(decoded.text()).replaceAll("")));
        } catch (ParsingFeedException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : String.valueOf(e.getMessage());
            throw new FeedFetchException("feeds.error.invalidXml", e, Math.max(e.getLineNumber(), 0),
                    Texts.abbreviate(reason.replaceFirst("^Error on line \\d+( of document [^:]*)?:\\s*", ""), 200));
        } catch (IllegalArgumentException | FeedException e) {
            throw new FeedFetchException("feeds.error.notAFeed", e);
        }
        List<ParsedFeed.Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry));
        }
        int total = items.size();
        List<ParsedFeed.Item> newest = items.stream()
                .sorted(Comparator.comparing(ParsedFeed.Item::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(maxItems).toList();
        return new ParsedFeed(Texts.abbreviate(plain(feed.getTitle()), 300), newest, total, decoded.charset().name());
    }

    private static ParsedFeed.Item item(SyndEntry entry) {
        String guid = Texts.abbreviate(Texts.clean(entry.getUri()), GUID_LENGTH);
        String link = webLink(entry.getLink());
        if (link == null) {
            for (SyndLink candidate : entry.getLinks()) {
                if (candidate.getRel() == null || candidate.getRel().equals("alternate")) {
                    link = webLink(candidate.getHref());
                    if (link != null) {
                        break;
                    }
                }
            }
        }
        String title = Texts.abbreviate(plain(entry.getTitle()), TITLE_LENGTH);
        String summary = null;
        if (entry.getDescription() != null) {
            summary = plain(entry.getDescription().getValue());
        }
        if (summary == null) {
            for (SyndContent content : entry.getContents()) {
                summary = plain(content.getValue());
                if (summary != null) {
                    break;
                }
            }
        }
        summary = Texts.abbreviate(summary, SUMMARY_LENGTH);
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        String author = Texts.abbreviate(plain(entry.getAuthor()), AUTHOR_LENGTH);
        return new ParsedFeed.Item(dedupKey(guid, link, title, summary, published), guid, link, title, summary,
                published, author);
    }

    /** The guid, else the link, else a hash of the content; long values are hashed. */
    static String dedupKey(String guid, String link, String title, String summary, Instant published) {
        if (guid != null) {
            return bounded("guid:", guid);
        }
        if (link != null) {
            return bounded("link:", link);
        }
        return "hash:" + sha256(title + "\u001f" + summary + "\u001f" + published);
    }

    private static String bounded(String prefix, String value) {
        return prefix.length() + value.length() <= KEY_LENGTH ? prefix + value : prefix + "sha256:" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An absolute http(s) address, else null (no javascript:, data:, relative links). */
    static String webLink(String value) {
        String link = Texts.clean(value);
        if (link == null || link.length() > LINK_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? link : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Plain text of a field that may hold HTML: tags removed, entities decoded, spaces collapsed. */
    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = html.indexOf('<') >= 0 || html.indexOf('&') >= 0 ? Jsoup.parse(html).text() : html;
        return Texts.clean(text.replaceAll("\\s+", " "));
    }

    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] body, String contentType) {
        int offset = 0;
        Charset charset = null;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        if (charset == null) {
            String prolog = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1).stripLeading();
            String declared = null;
            if (prolog.startsWith("<?xml")) {
                int end = prolog.indexOf("?>");
                Matcher m = DECLARED.matcher(end > 0 ? prolog.substring(0, end) : prolog);
                declared = m.find() ? m.group(1) : null;
            }
            if (declared == null && contentType != null) {
                Matcher m = CHARSET.matcher(contentType);
                declared = m.find() ? m.group(1) : null;
            }
            charset = declared == null ? StandardCharsets.UTF_8 : charset(declared);
        }
        try {
            return new Decoded(strict(charset).decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString(),
                    charset);
        } catch (CharacterCodingException e) {
            if (!charset.equals(StandardCharsets.UTF_8)) {
                throw new FeedFetchException("feeds.error.encoding", e, charset.name());
            }
        }
        try {
            return new Decoded(WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString(), WINDOWS_1252);
        } catch (CharacterCodingException e) {
            throw new FeedFetchException("feeds.error.encoding", e, charset.name());
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static Charset charset(String name) {
        String label = name.toLowerCase(Locale.ROOT);
        if (label.equals("iso-8859-1") || label.equals("iso8859-1") || label.equals("latin1")
                || label.equals("us-ascii") || label.equals("ascii") || label.equals("iso_8859-1")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new FeedFetchException("feeds.error.charset", name);
        }
    }
}

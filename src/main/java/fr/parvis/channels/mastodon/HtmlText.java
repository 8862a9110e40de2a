package fr.parvis.channels.mastodon;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of a status's HTML {@code content}. Mastodon sends sanitized HTML ({@code p},
 * {@code br}, {@code a}, {@code span}, and from other servers a few more block tags): paragraphs
 * become blank lines, {@code br} a line break, entities are decoded, and links keep their whole
 * address (the {@code invisible} spans hold the parts Mastodon's interface hides).
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2",
            "h3", "h4", "h5", "h6");

    private HtmlText() {
    }

    static String toPlainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    boolean preformatted = node.parent() instanceof Element parent
                            && parent.closest("pre") != null;
                    String value = preformatted ? text.getWholeText() : text.getWholeText().replaceAll("\\s+", " ");
                    if (!preformatted && (endsWithBreak(out) || out.isEmpty())) {
                        value = value.stripLeading();
                    }
                    out.append(value);
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        stripTrailingSpaces(out);
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        startBlock(out, tag.equals("li") ? "\n" : "\n\n");
                        if (tag.equals("li")) {
                            out.append("- ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    stripTrailingSpaces(out);
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return out.toString().strip();
    }

    private static void startBlock(StringBuilder out, String separator) {
        stripTrailingSpaces(out);
        if (out.isEmpty()) {
            return;
        }
        int newlines = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            newlines++;
        }
        for (int i = newlines; i < separator.length(); i++) {
            out.append('\n');
        }
    }

    private static boolean endsWithBreak(StringBuilder out) {
        return !out.isEmpty() && out.charAt(out.length() - 1) == '\n';
    }

    private static void stripTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}

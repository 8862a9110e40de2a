package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a variant's text is assembled: its own text or the message, then the (tagged) link. */
public final class PostTexts {

    private PostTexts() {
    }

    /** Whether {@code link} is a full http(s) address with a host (links of posts, addresses of publications). */
    public static boolean validLink(String link) {
        try {
            URI uri = new URI(link.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The link with UTM parameters for this network when a campaign is given. */
    public static String taggedLink(String link, String utmCampaign, Network network) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (utmCampaign == null || utmCampaign.isBlank()) {
            return link;
        }
        URI uri = URI.create(link);
        String query = "utm_source=" + network.name().toLowerCase(Locale.ROOT) + "&utm_medium=social&utm_campaign="
                + URLEncoder.encode(utmCampaign.strip(), StandardCharsets.UTF_8);
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        String base = fragment.isEmpty() ? link : link.substring(0, link.length() - fragment.length());
        return base + (uri.getRawQuery() == null ? "?" : "&") + query + fragment;
    }

    /** The text as it goes out: the variant's own text (or the message) and the link, if not already in it. */
    public static String finalText(String ownText, String body, String link, String utmCampaign, Network network) {
        String text = ownText != null && !ownText.isBlank() ? ownText.strip() : body == null ? "" : body.strip();
        String tagged = taggedLink(link, utmCampaign, network);
        if (tagged == null || text.contains(link.strip())) {
            return tagged == null || tagged.equals(link) ? text : text.replace(link.strip(), tagged);
        }
        return text.isEmpty() ? tagged : text + "\n\n" + tagged;
    }
}

package fr.parvis.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Facets point at UTF-8 byte offsets: accents take 2 bytes, most emoji 4, a family emoji many more. */
class FacetsTests {

    @Test
    void linksMentionsAndTagsAtUtf8ByteOffsets() {
        String text = "Fête à l'école 🎉👨‍👩‍👧 : https://ville.example/fête?x=1. Merci @camille.test ! #Été2026 #42";
        List<Map<String, Object>> facets = Facets.facets(text,
                handle -> handle.equals("camille.test") ? Optional.of("did:plc:camille") : Optional.empty());
        assertThat(facets).hasSize(3);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(slice(bytes, facets.get(0))).isEqualTo("https://ville.example/fête?x=1");
        assertThat(feature(facets.get(0))).containsEntry("$type", "app.bsky.richtext.facet#link")
                .containsEntry("uri", "https://ville.example/fête?x=1");

        assertThat(slice(bytes, facets.get(1))).isEqualTo("@camille.test");
        assertThat(feature(facets.get(1))).containsEntry("$type", "app.bsky.richtext.facet#mention")
                .containsEntry("did", "did:plc:camille");

        assertThat(slice(bytes, facets.get(2))).isEqualTo("#Été2026");
        assertThat(feature(facets.get(2))).containsEntry("$type", "app.bsky.richtext.facet#tag")
                .containsEntry("tag", "Été2026");
        // the byte offset differs from the char index as soon as an accent or an emoji precedes
        int charIndex = text.indexOf("https://");
        assertThat(index(facets.get(0)).get("byteStart")).isNotEqualTo(charIndex)
                .isEqualTo(text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void unresolvedMentionsStayPlainTextAndEmailsAreNotMentions() {
        String text = "Écrivez à mairie@ville.example ou à @inconnu.test";
        assertThat(Facets.facets(text, handle -> Optional.empty())).isEmpty();
        assertThat(Facets.detect(text)).extracting(Facets.Span::value).containsExactly("inconnu.test");
    }

    @Test
    void trailingPunctuationIsNotPartOfALink() {
        assertThat(Facets.trimUrl("https://ville.example/agenda).")).isEqualTo("https://ville.example/agenda");
        assertThat(Facets.trimUrl("https://fr.wikipedia.org/wiki/Lyon_(ville)")).isEqualTo(
                "https://fr.wikipedia.org/wiki/Lyon_(ville)");
        assertThat(Facets.detect("Voir (https://ville.example/plan), merci")).extracting(Facets.Span::value)
                .containsExactly("https://ville.example/plan");
    }

    @Test
    void numbersAndLongTagsAreNotTags() {
        assertThat(Facets.detect("Dossier #1234 et #" + "a".repeat(65))).isEmpty();
        assertThat(Facets.detect("Marché #BioLocal, ouvert")).extracting(Facets.Span::value)
                .containsExactly("BioLocal");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> index(Map<String, Object> facet) {
        return (Map<String, Object>) facet.get("index");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> feature(Map<String, Object> facet) {
        return ((List<Map<String, Object>>) facet.get("features")).get(0);
    }

    private static String slice(byte[] bytes, Map<String, Object> facet) {
        int start = (Integer) index(facet).get("byteStart");
        int end = (Integer) index(facet).get("byteEnd");
        return new String(Arrays.copyOfRange(bytes, start, end), StandardCharsets.UTF_8);
    }
}

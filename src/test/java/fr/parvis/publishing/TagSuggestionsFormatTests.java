package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.spi.Network;
import org.junit.jupiter.api.Test;

/** Mention formats per network and the folding that makes one hashtag of its spellings. */
class TagSuggestionsFormatTests {

    @Test
    void eachNetworkHasItsMentionFormat() {
        assertThat(TagSuggestions.format("@harmonie@mastodon.example")).isEqualTo(TagSuggestions.MentionFormat.FEDIVERSE);
        assertThat(TagSuggestions.format("@musee.bsky.social")).isEqualTo(TagSuggestions.MentionFormat.DOMAIN);
        assertThat(TagSuggestions.format("@orchestre")).isEqualTo(TagSuggestions.MentionFormat.PLAIN);
        assertThat(TagSuggestions.formatOf(Network.MASTODON)).isEqualTo(TagSuggestions.MentionFormat.FEDIVERSE);
        assertThat(TagSuggestions.formatOf(Network.BLUESKY)).isEqualTo(TagSuggestions.MentionFormat.DOMAIN);
        assertThat(TagSuggestions.formatOf(Network.SANDBOX)).isEqualTo(TagSuggestions.MentionFormat.PLAIN);
    }

    @Test
    void spellingsFoldToOneKey() {
        assertThat(TagSuggestions.fold("FêteDeLaMusique")).isEqualTo(TagSuggestions.fold("fetedelamusique"));
        assertThat(TagSuggestions.fold("Forêt")).isEqualTo("foret");
    }
}

package fr.parvis.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Status HTML as Mastodon sends it, read as plain text. */
class HtmlTextTests {

    @Test
    void keepsParagraphsAndLineBreaks() {
        assertThat(HtmlText.toPlainText("<p>Première ligne<br />deuxième ligne</p><p>Nouveau paragraphe</p>"))
                .isEqualTo("Première ligne\ndeuxième ligne\n\nNouveau paragraphe");
    }

    @Test
    void decodesEntities() {
        assertThat(HtmlText.toPlainText("<p>L&#39;été &amp; &quot;la fête&quot; &lt;3 &eacute;t&#233; &#x1F389;</p>"))
                .isEqualTo("L'été & \"la fête\" <3 été 🎉");
    }

    @Test
    void keepsWholeLinksMentionsAndHashtags() {
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.social/@trwnh\""
                + " class=\"u-url mention\">@<span>trwnh</span></a></span> voir <a href=\"https://example.com/page/that/"
                + "is/very/long\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span>"
                + "<span class=\"ellipsis\">example.com/page</span><span class=\"invisible\">/that/is/very/long</span>"
                + "</a> <a href=\"https://mastodon.social/tags/Montagnac\" class=\"mention hashtag\" rel=\"tag\">"
                + "#<span>Montagnac</span></a></p>";
        assertThat(HtmlText.toPlainText(html))
                .isEqualTo("@trwnh voir https://example.com/page/that/is/very/long #Montagnac");
    }

    @Test
    void readsContentFromOtherServers() {
        assertThat(HtmlText.toPlainText("Sans paragraphe<br>ni fin")).isEqualTo("Sans paragraphe\nni fin");
        assertThat(HtmlText.toPlainText("<p>Liste :</p><ul><li>un</li><li>deux</li></ul>"))
                .isEqualTo("Liste :\n\n- un\n- deux");
        assertThat(HtmlText.toPlainText("<blockquote><p>citation</p></blockquote><p>réponse</p>"))
                .isEqualTo("citation\n\nréponse");
        assertThat(HtmlText.toPlainText("<p>  espaces   en   trop\n</p>")).isEqualTo("espaces en trop");
        assertThat(HtmlText.toPlainText("<p><script>alert(1)</script>texte</p>")).isEqualTo("texte");
        assertThat(HtmlText.toPlainText(null)).isEmpty();
    }
}

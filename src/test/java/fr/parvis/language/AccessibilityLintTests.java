package fr.parvis.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Accessibility lint (domain.md §8): one nested class per rule, with real French posts. */
class AccessibilityLintTests {

    private final AccessibilityLint lint = new AccessibilityLint();

    private List<TextFinding> check(String text) {
        return lint.check(text, List.of());
    }

    private static List<String> codes(List<TextFinding> findings) {
        return findings.stream().map(TextFinding::code).toList();
    }

    private static String span(String text, TextFinding finding) {
        return text.substring(finding.start(), finding.end());
    }

    private static TextFinding only(List<TextFinding> findings, String code) {
        List<TextFinding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as(findings.toString()).hasSize(1);
        return matching.get(0);
    }

    @Nested
    class Media {

        @Test
        void anImageWithoutAltTextIsAnError() {
            List<TextFinding> findings = lint.check("Inauguration du parc.",
                    List.of(MediaDescription.image("Le maire coupe le ruban devant l’entrée du parc."),
                            MediaDescription.image("  ")));
            TextFinding finding = only(findings, "ALT_MISSING");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.args()).containsExactly(2);
            assertThat(finding.reference()).isEqualTo("RGAA 4.1 critère 1.1");
            assertThat(finding.hasSpan()).isFalse();
            assertThat(finding.start()).isEqualTo(-1);
        }

        @Test
        void aFileNameOrALoneWordIsAWarning() {
            List<String> useless = List.of("IMG_2034.JPG", "DSC0001", "affiche-fete.png", "photo", "Image.", "Une photo",
                    "PXL_20240612_101112", "visuel");
            for (String alt : useless) {
                List<TextFinding> findings = lint.check("", List.of(MediaDescription.image(alt)));
                assertThat(codes(findings)).as(alt).containsExactly("ALT_UNINFORMATIVE");
                assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
                assertThat(findings.get(0).args()).containsExactly(1, alt);
            }
            assertThat(lint.check("", List.of(MediaDescription.image("Photo de la fontaine place Bellecour"))))
                    .isEmpty();
        }

        @Test
        void aVideoWithoutSubtitlesIsAnError() {
            List<TextFinding> findings = lint.check("", List.of(MediaDescription.video("Discours", true),
                    MediaDescription.video(null, false)));
            TextFinding finding = only(findings, "VIDEO_NO_SUBTITLES");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.args()).containsExactly(2);
            assertThat(finding.reference()).isEqualTo("RGAA 4.1 critère 4.3");
        }

        @Test
        void mediaKindsAreValidated() {
            assertThat(new MediaDescription("image", "x", false).isImage()).isTrue();
            assertThatThrownBy(() -> new MediaDescription("GIF", "x", false)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new MediaDescription(null, "x", false)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> MediaDescription.image("a".repeat(5_001)))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class Hashtags {

        @Test
        void aLowerCaseHashtagOfSeveralWordsGetsACamelCaseSuggestion() {
            String text = "Ce 8 mars, mobilisons-nous. #journeedesdroitsdesfemmes";
            TextFinding finding = only(check(text), "HASHTAG_CASE");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.messageKey()).isEqualTo("lint.hashtagCase");
            assertThat(finding.args()).containsExactly("#journeedesdroitsdesfemmes", "#JourneeDesDroitsDesFemmes");
            assertThat(span(text, finding)).isEqualTo("#journeedesdroitsdesfemmes");
        }

        @Test
        void anUpperCaseHashtagKeepsItsAccentsInTheSuggestion() {
            assertThat(only(check("Le 21 juin. #FÊTEDELAMUSIQUE"), "HASHTAG_CASE").args())
                    .containsExactly("#FÊTEDELAMUSIQUE", "#FêteDeLaMusique");
            assertThat(only(check("Le 21 juin. #fêtedelamusique"), "HASHTAG_CASE").args())
                    .containsExactly("#fêtedelamusique", "#FêteDeLaMusique");
        }

        @Test
        void camelCaseSingleWordsAndNumbersAreFine() {
            assertThat(check("Programme de l’été. #FeteDeLaMusique #Lyon #culture")).isEmpty();
            assertThat(check("Bravo aux équipes. #JO2024 #Lyon2032")).isEmpty();
        }

        @Test
        void aLongHashtagThatCannotBeSplitGetsTheGeneralAdvice() {
            TextFinding finding = only(check("Bienvenue. #zorglubtrucmachinchose"), "HASHTAG_CASE");
            assertThat(finding.messageKey()).isEqualTo("lint.hashtagCaseGeneric");
            assertThat(finding.args()).containsExactly("#zorglubtrucmachinchose");
        }

        @Test
        void moreThanThreeHashtagsIsAWarning() {
            String text = "Belle journée ! #Lyon #Culture #Patrimoine #Musees";
            TextFinding finding = only(check(text), "HASHTAG_TOO_MANY");
            assertThat(finding.args()).containsExactly(4, 3);
            assertThat(span(text, finding)).isEqualTo("#Musees");
            assertThat(check("Belle journée ! #Lyon #Culture #Patrimoine")).isEmpty();
        }

        @Test
        void aHashtagInsideASentenceIsAWarningButNotAtTheEnd() {
            String text = "Venez à la #FeteDeLaMusique ce soir. #Lyon";
            TextFinding finding = only(check(text), "HASHTAG_IN_SENTENCE");
            assertThat(span(text, finding)).isEqualTo("#FeteDeLaMusique");
            assertThat(check("Venez ce soir.\n#Lyon #Culture")).isEmpty();
            assertThat(check("Le C# et le &#233; ne sont pas des hashtags, ni #1.")).isEmpty();
        }
    }

    @Nested
    class Emojis {

        @Test
        void moreThanThreeEmojisIsAWarningThatNamesThemInFrench() {
            String text = "Bonne fête à toutes et à tous 🎉👍🏽👩‍👩‍👧🇫🇷";
            TextFinding finding = only(check(text), "EMOJI_TOO_MANY");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.args().get(0)).isEqualTo(4); // the family and the flag count as one each
            assertThat((String) finding.args().get(1)).contains("cotillons", "pouce vers le haut : peau légèrement mate",
                    "drapeau : France", "femme femme fille");
            assertThat(check("Bonne fête 🎉🎊🎈")).isEmpty();
        }

        @Test
        void anEmojiInPlaceOfAWordIsAWarning() {
            String text = "J’❤️ ma ville et le 🚲 tous les jours.";
            List<TextFinding> findings = check(text);
            assertThat(codes(findings)).containsExactly("EMOJI_REPLACES_WORD", "EMOJI_REPLACES_WORD");
            assertThat(findings.get(0).args()).containsExactly("❤️", "cœur rouge");
            assertThat(span(text, findings.get(0))).isEqualTo("❤️");
            assertThat(findings.get(1).args()).containsExactly("🚲", "vélo");
            assertThat(check("Bon week-end ☀️")).isEmpty();
        }

        @Test
        void emojiBulletsAreWarnings() {
            String text = "Fête de quartier\n📍 Place Bellecour\n🕒 18 h";
            List<TextFinding> findings = check(text);
            assertThat(codes(findings)).containsExactly("EMOJI_BULLET", "EMOJI_BULLET");
            assertThat(findings.get(0).args()).containsExactly("📍", "épingle");
            assertThat(findings.get(1).args()).containsExactly("🕒", "trois heures");
            assertThat(check("🎉 Bonne année à toutes et à tous")).isEmpty();
        }

        @Test
        void zwjSequencesFlagsSkinTonesAndKeycapsAreOneGraphemeEach() {
            fr.parvis.language.Emojis emojis = AccessibilityLint.Shared.EMOJIS;
            String text = "👩‍👩‍👧 👍🏿 🏳️‍🌈 🇩🇪 1️⃣ 🦩 ❤️‍🔥 🏴‍☠️";
            List<String> names = emojis.scan(text).stream().map(fr.parvis.language.Emojis.Emoji::name).toList();
            assertThat(names).containsExactly("femme femme fille", "pouce vers le haut : peau foncée",
                    "drapeau arc-en-ciel", "drapeau : Allemagne", "touches : 1", "flamingo", "cœur enflammé",
                    "drapeau de pirate");
            assertThat(emojis.scan("𝐁𝐨𝐥𝐝 Ⓐ 2024 © ™ #Lyon")).isEmpty();
        }

        @Test
        void theEmojiListIsAttributedAndLargeEnough() throws Exception {
            try (var in = getClass().getClassLoader().getResourceAsStream(fr.parvis.language.Emojis.RESOURCE)) {
                String tsv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(tsv).contains("Unicode CLDR annotations", "Unicode License v3");
            }
            assertThat(AccessibilityLint.Shared.EMOJIS.size()).isGreaterThanOrEqualTo(150);
        }
    }

    @Nested
    class FancyLetters {

        @Test
        void mathematicalBoldFullWidthSmallCapsCircledAndScriptAreErrors() {
            String text = "𝐁𝐨𝐧𝐧𝐞 𝐫𝐞𝐧𝐭𝐫𝐞́𝐞 ! La ｍａｉｒｉｅ est ᴏᴜᴠᴇʀᴛᴇ à Ⓛⓨⓞⓝ et ℬ𝒾𝑒𝓃𝓋𝑒𝓃𝓊𝑒";
            List<TextFinding> findings = check(text);
            List<TextFinding> fancy = findings.stream().filter(f -> f.code().equals("FANCY_LETTERS")).toList();
            assertThat(fancy).extracting(f -> f.args().get(1)).containsExactly("Bonne rentrée", "mairie", "ouverte",
                    "Lyon", "Bienvenue");
            assertThat(fancy).allMatch(f -> f.severity() == Severity.ERROR);
            assertThat(span(text, fancy.get(0))).isEqualTo("𝐁𝐨𝐧𝐧𝐞 𝐫𝐞𝐧𝐭𝐫𝐞́𝐞");
            assertThat(span(text, fancy.get(4))).isEqualTo("ℬ𝒾𝑒𝓃𝓋𝑒𝓃𝓊𝑒");
            assertThat(only(check("𝐈𝐍𝐅𝐎 : 𝐫𝐮𝐞 𝐟𝐞𝐫𝐦𝐞́𝐞"), "FANCY_LETTERS").args().get(1)).isEqualTo("INFO : rue fermée");
        }

        @Test
        void superscriptOrdinalsAndEmojisAreNotFancy() {
            assertThat(check("Le XIXᵉ siècle, le 1ᵉʳ mai. 🅿️ gratuit.")).isEmpty();
        }
    }

    @Nested
    class Capitals {

        @Test
        void anAllCapsWordIsAWarningAndARunIsOneFinding() {
            String text = "ATTENTION : la rue est fermée. VENEZ TRÈS NOMBREUX samedi.";
            List<TextFinding> findings = check(text);
            assertThat(codes(findings)).containsExactly("ALL_CAPS", "ALL_CAPS");
            assertThat(span(text, findings.get(0))).isEqualTo("ATTENTION");
            assertThat(span(text, findings.get(1))).isEqualTo("VENEZ TRÈS NOMBREUX");
            assertThat(findings.get(1).args()).containsExactly("VENEZ TRÈS NOMBREUX");
        }

        @Test
        void knownAndGivenAcronymsAreFine() {
            assertThat(check("Le CCAS, la CAF, la SNCF, le RSA, le PLU et l’EHPAD vous informent.")).isEmpty();
            String text = "Le SYTRAL modifie les lignes.";
            assertThat(codes(check(text))).containsExactly("UNDEFINED_ACRONYM");
            assertThat(lint.check(text, List.of(), Set.of("sytral"))).isEmpty();
        }

        @Test
        void anUndefinedAcronymIsAWarningOnceWithItsOffsets() {
            String text = "Le SIVOM passe jeudi. Le SIVOM passera aussi vendredi.";
            TextFinding finding = only(check(text), "UNDEFINED_ACRONYM");
            assertThat(finding.start()).isEqualTo(3);
            assertThat(finding.end()).isEqualTo(8);
            assertThat(finding.args()).containsExactly("SIVOM");
        }

        @Test
        void anAcronymDefinedInParenthesesIsFine() {
            assertThat(check("Le centre intercommunal d’action sociale (CIAS) ouvre. Le CIAS est à droite.")).isEmpty();
            assertThat(check("Le CIAS (centre intercommunal d’action sociale) ouvre.")).isEmpty();
        }

        @Test
        void romanNumeralsCodesAndLinksAreNotAcronyms() {
            assertThat(check("Louis XIV, la classe de CM2, la salle B12, https://WWW.VILLE.FR/INFO et @VILLEDELYON."))
                    .isEmpty();
        }
    }

    @Nested
    class PunctuationAndSentences {

        @Test
        void repeatedPunctuationIsAWarning() {
            String text = "Quelle soirée !!! Vous venez ?? Ah ?! Bon…";
            List<TextFinding> findings = check(text);
            assertThat(codes(findings)).containsExactly("REPEATED_PUNCTUATION", "REPEATED_PUNCTUATION");
            assertThat(span(text, findings.get(0))).isEqualTo("!!!");
            assertThat(span(text, findings.get(1))).isEqualTo("??");
        }

        @Test
        void aSentenceOfMoreThanTwentyFiveWordsIsAWarning() {
            String words25 = String.join(" ", java.util.Collections.nCopies(25, "mot"));
            assertThat(check(words25 + ".")).isEmpty();
            String text = "Court. " + words25 + " encore. Fin.";
            TextFinding finding = only(check(text), "LONG_SENTENCE");
            assertThat(finding.args()).containsExactly(26, 25);
            assertThat(span(text, finding)).isEqualTo(words25 + " encore.");
        }

        @Test
        void abbreviationsAndNumbersDoNotEndASentence() {
            String text = "M. le maire et Mme la préfète, etc. ont présenté 12.5 millions pour la ville.fr : "
                    + String.join(" ", java.util.Collections.nCopies(14, "mot")) + ".";
            assertThat(codes(check(text))).containsExactly("LONG_SENTENCE");
        }

        @Test
        void theAdviceNeverClaimsTheFalcLabel() throws Exception {
            for (String bundle : List.of("i18n/language.properties", "i18n/language_en.properties")) {
                java.util.Properties properties = LanguageMessagesTests.load(bundle);
                assertThat(properties.getProperty("lint.longSentence")).doesNotContainIgnoringCase("FALC")
                        .doesNotContainIgnoringCase("facile à lire");
            }
        }
    }

    @Test
    void aCleanPostHasNoFinding() {
        assertThat(lint.check("La médiathèque Jean-Macé ouvre le dimanche de 14 h à 18 h à partir du 3 mars. "
                + "Entrée libre. #Lyon", List.of(MediaDescription.image("Façade vitrée de la médiathèque au soleil"),
                        MediaDescription.video("Visite", true)))).isEmpty();
        assertThat(lint.check(null, null)).isEmpty();
    }

    @Test
    void findingsAreOrderedAndCarryBothSeverities() {
        String text = "ATTENTION 𝐟𝐞𝐭𝐞 !!!";
        List<TextFinding> findings = lint.check(text, List.of(MediaDescription.image(null)));
        assertThat(codes(findings)).containsExactly("ALT_MISSING", "ALL_CAPS", "FANCY_LETTERS", "REPEATED_PUNCTUATION");
        assertThat(findings.stream().map(TextFinding::severity).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Severity.ERROR, Severity.WARNING);
    }

    @Test
    void boundsItsInput() {
        assertThatThrownBy(() -> check("a".repeat(AccessibilityLint.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class);
        List<MediaDescription> media = java.util.Collections.nCopies(51, MediaDescription.image("x"));
        assertThatThrownBy(() -> lint.check("", media)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reportsAtMostFiftyFindingsPerRule() {
        assertThat(check("Oui !! ".repeat(60))).hasSize(AccessibilityLint.MAX_FINDINGS_PER_RULE)
                .allMatch(f -> f.code().equals("REPEATED_PUNCTUATION"));
    }

    @Test
    void pathologicalTextsOfTheMaximumLengthStayLinear() {
        // an e-mail pattern that backtracked made 70,000 capitals take two minutes
        for (String text : List.of("A".repeat(70_000), "#" + "a".repeat(69_999), "SIVOM (a ".repeat(7_000),
                "🎉 ".repeat(23_000), "a@".repeat(35_000))) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> check(text));
        }
    }

    @Test
    void isFastOnAThreeThousandCharacterText() {
        String post = "ATTENTION : la #fetedelamusique arrive !!! Venez 🎉 au parc avec le SIVOM 👍🏽 et 𝐥𝐞𝐬 enfants. "
                + "Le CCAS et la CAF vous accueillent dans le cadre de la nouvelle programmation culturelle de la ville "
                + "pour tous les habitants de tous les quartiers de la commune et des alentours sans exception. ";
        String text = post.repeat(3_000 / post.length() + 1).substring(0, 3_000);
        for (int i = 0; i < 20; i++) {
            check(text);
        }
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            check(text);
        }
        long averageMillis = (System.nanoTime() - start) / runs / 1_000_000;
        assertThat(averageMillis).isLessThan(50);
    }
}

package fr.parvis.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pre-election neutrality lint (domain.md §4): the fixture of real-looking French posts, offsets, references. */
class NeutralityLintTests {

    static final NeutralityContext CONTEXT = new NeutralityContext(Set.of("Marie Dupont", "Jean-Luc Martin"),
            Set.of("Parti Vert", "Ensemble pour Lyon"), Set.of("#LyonDemain"));

    private final NeutralityLint lint = new NeutralityLint();

    static Stream<Arguments> samples() throws IOException {
        List<Arguments> samples = new ArrayList<>();
        try (InputStream in = NeutralityLintTests.class.getResourceAsStream("/language/neutralite-exemples.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                Set<String> codes = parts[0].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(parts[0].split(",")));
                samples.add(Arguments.of(parts[1], codes));
            }
        }
        return samples.stream();
    }

    @Test
    void theFixtureHasTwentyTextsOrMoreOfBothKinds() throws IOException {
        List<Arguments> all = samples().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all.stream().filter(a -> ((Set<?>) a.get()[1]).isEmpty()).count()).isGreaterThanOrEqualTo(10);
        assertThat(all.stream().filter(a -> !((Set<?>) a.get()[1]).isEmpty()).count()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void findsExactlyTheExpectedRisks(String text, Set<String> expected) {
        List<TextFinding> findings = lint.check(text, CONTEXT);
        Set<String> codes = findings.stream().map(TextFinding::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).as(findings.toString()).isEqualTo(new TreeSet<>(expected));
        for (TextFinding finding : findings) {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.args()).containsExactly(text.substring(finding.start(), finding.end()));
            boolean aboutCandidates = Set.of("NEUTRALITY_CANDIDATE", "NEUTRALITY_PARTY", "NEUTRALITY_CANDIDACY")
                    .contains(finding.code());
            assertThat(finding.reference()).isEqualTo(aboutCandidates ? "Code électoral L52-8" : "Code électoral L52-1 al. 2");
        }
    }

    @Test
    void ignoresAccentsCaseAndApostropheKindsAndPointsAtTheOriginalText() {
        String text = "Rappel : GRÂCE À L’ÉQUIPE MUNICIPALE et grace a l'equipe municipale.";
        List<TextFinding> findings = lint.check(text, NeutralityContext.NONE);
        assertThat(findings).extracting(TextFinding::code).containsExactly("NEUTRALITY_PRAISE", "NEUTRALITY_PRAISE");
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("GRÂCE À L’ÉQUIPE");
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo("grace a l'equipe");
    }

    @Test
    void offsetsStayRightAfterEmojisAndLigatures() {
        String text = "🎉🎉 Le cœur de ville : nous avons réalisé 3 places.";
        TextFinding finding = lint.check(text, NeutralityContext.NONE).get(0);
        assertThat(finding.code()).isEqualTo("NEUTRALITY_ACHIEVEMENT");
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo("nous avons réalisé");
    }

    @Test
    void namesMatchAsWholeWordsOnly() {
        NeutralityContext ctx = new NeutralityContext(Set.of("Dupont"), Set.of("Vert"), Set.of());
        assertThat(lint.check("M. Dupontel expose ; le feu passe au vert clair.", ctx))
                .extracting(TextFinding::code).containsExactly("NEUTRALITY_PARTY");
        assertThat(lint.check("Mme Dupont, adjointe.", ctx)).extracting(TextFinding::code)
                .containsExactly("NEUTRALITY_CANDIDATE");
    }

    @Test
    void contextHashtagsWorkWithOrWithoutTheSign() {
        NeutralityContext ctx = new NeutralityContext(Set.of(), Set.of(), Set.of("VilleAvenir", "#Choisir2032"));
        assertThat(lint.check("Merci ! #VilleAvenir #choisir2032 #Culture", ctx)).extracting(TextFinding::args)
                .containsExactly(List.of("#VilleAvenir"), List.of("#choisir2032"));
    }

    @Test
    void generalElectionHashtagsAreKnownWithoutContext() {
        assertThat(lint.check("#Municipales2032 #Presidentielle2027 #Legislatives #europeennes2029 #Lyon", null))
                .hasSize(4).allMatch(f -> f.code().equals("NEUTRALITY_ELECTION_HASHTAG"));
    }

    @Test
    void emptyTextHasNoFinding() {
        assertThat(lint.check(null, CONTEXT)).isEmpty();
        assertThat(lint.check("", CONTEXT)).isEmpty();
    }

    @Test
    void boundsItsInput() {
        assertThatThrownBy(() -> lint.check("a".repeat(AccessibilityLint.MAX_TEXT_LENGTH + 1), CONTEXT))
                .isInstanceOf(InvalidInputException.class);
        Set<String> many = IntStream.range(0, NeutralityContext.MAX_NAMES + 1).mapToObj(i -> "Nom " + i)
                .collect(Collectors.toSet());
        assertThatThrownBy(() -> new NeutralityContext(many, Set.of(), Set.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NeutralityContext(Set.of("x".repeat(151)), Set.of(), Set.of()))
                .isInstanceOf(InvalidInputException.class);
        Set<String> withBlanks = new HashSet<>(Arrays.asList(" ", "Marie Dupont ", null));
        assertThat(new NeutralityContext(withBlanks, null, null).candidateNames()).containsExactly("Marie Dupont");
    }

    @Test
    void manyNamesOnALongTextStayFastAndFindingsAreCapped() {
        Set<String> names = IntStream.range(0, NeutralityContext.MAX_NAMES).mapToObj(i -> "Nom Prénom" + i)
                .collect(Collectors.toSet());
        NeutralityContext ctx = new NeutralityContext(names, names, names);
        String text = "Nom Prenom1 et nous allons ".repeat(2_500);
        List<TextFinding> findings = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> lint.check(text, ctx));
        assertThat(findings.stream().filter(f -> f.code().equals("NEUTRALITY_CANDIDATE")))
                .hasSize(AccessibilityLint.MAX_FINDINGS_PER_RULE);
        assertThat(findings.stream().filter(f -> f.code().equals("NEUTRALITY_PROMISE")))
                .hasSize(AccessibilityLint.MAX_FINDINGS_PER_RULE);
    }

    @Test
    void isFastOnALongText() throws IOException {
        String text = samples().map(a -> (String) a.get()[0]).collect(Collectors.joining(" ")).repeat(2)
                .substring(0, 3_000);
        for (int i = 0; i < 20; i++) {
            lint.check(text, CONTEXT);
        }
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            lint.check(text, CONTEXT);
        }
        long averageMillis = (System.nanoTime() - start) / runs / 1_000_000;
        assertThat(averageMillis).isLessThan(50);
    }
}

package fr.parvis.language;

import fr.parvis.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Neutrality lint of French wording during the pre-election reserve period (domain.md §4, Code
 * électoral L52-1 al. 2 and L52-8): bilan, praise of the outgoing team, achievements told in the first
 * person, promises, candidates' and parties' names, election hashtags, calls to vote. Accents, case and
 * apostrophes (’ ') are ignored. Every finding is a warning: a human decides. Pure and thread-safe.
 */
@Component
public class NeutralityLint {

    public static final String L52_1 = "Code électoral L52-1 al. 2";
    public static final String L52_8 = "Code électoral L52-8";

    private static final String W = "[\\p{L}\\p{N}'-]+";
    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    private static final String TEAM = "(?:[a-z]')?(?:equipe|majorite|municipalite|maire|elus|elues|executif|mandature)";

    private record Rule(String code, String messageKey, String reference, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule("NEUTRALITY_BILAN", "lint.neutrality.bilan", L52_1,
                    "bilans?\\s+(?:de\\s+(?:notre\\s+|ce\\s+|la\\s+|l'|mi-?\\s*)?(?:mandats?|mandature|equipe|majorite|action\\s+municipale)"
                            + "|du\\s+mandat)",
                    "(?:notre|nos|mon|son)\\s+bilans?"),
            rule("NEUTRALITY_PRAISE", "lint.neutrality.praise", L52_1,
                    "grace\\s+(?:a|au|aux)\\s+(?:" + W + "\\s+){0,4}?" + TEAM,
                    "(?:merci|bravo|felicitations)\\s+(?:a|au|aux)\\s+(?:" + W + "\\s+){0,3}?" + TEAM,
                    "sous\\s+l'impulsion\\s+(?:de|du|d')\\s*(?:" + W + "\\s+){0,3}?" + TEAM,
                    "(?:la|notre|cette)\\s+majorite\\s+(?:municipale|departementale|regionale|communautaire"
                            + "|metropolitaine|presidentielle)",
                    "(?:notre|nos|votre)\\s+(?:maire|equipe\\s+municipale|elus|elues|majorite)\\s+(?:a|ont|s'est|se\\s+sont|"
                            + "vient|viennent|tient|tiennent)"),
            rule("NEUTRALITY_ACHIEVEMENT", "lint.neutrality.achievement", L52_1,
                    "nous\\s+avons\\s+(?:" + W + "\\s+){0,2}?(?:realise|tenu|accompli|concretise|reussi|livre|obtenu|"
                            + "construit|renove|cree|tenus|tenue|honore|fait\\s+ce\\s+que)",
                    "(?:promesses?|engagements?)\\s+(?:tenue?s?|respectee?s?|realisee?s?)",
                    "comme\\s+(?:promis|nous\\s+nous\\s+y\\s+etions\\s+engages|annonce\\s+pendant\\s+la\\s+campagne)",
                    "(?:nous|on)\\s+l'(?:avons|a)\\s+fait", "mission\\s+accomplie",
                    "nous\\s+avions\\s+promis"),
            rule("NEUTRALITY_PROMISE", "lint.neutrality.promise", L52_1,
                    "nous\\s+allons", "nous\\s+(?:ne\\s+)?[a-z]{2,}rons", "demain\\s*,?\\s+nous",
                    "nous\\s+nous\\s+engageons", "je\\s+(?:m'engage|vous\\s+promets|ferai|serai)",
                    "prochain\\s+mandat"),
            rule("NEUTRALITY_VOTE", "lint.neutrality.vote", L52_1,
                    "votez", "voter\\s+pour", "allez\\s+voter", "elisez", "reelisez", "reelire", "reelection"),
            rule("NEUTRALITY_CANDIDACY", "lint.neutrality.candidacy", L52_8,
                    "(?<!appel\\s(?:a\\s)?)candidat(?:e|s|es)?"));

    /** Hashtags of any election, folded and without '#'. */
    private static final Pattern ELECTION_HASHTAG = Pattern.compile(
            "(?:elections?)?(?:municipales?|presidentielles?|legislatives?|europeennes?|regionales?|departementales?"
                    + "|cantonales?|senatoriales?|elections?)(?:\\d{2}|\\d{4})?");
    private static final Pattern HASHTAG = Pattern.compile(B + "#([\\p{L}\\p{N}_]+)");

    private static Rule rule(String code, String key, String reference, String... patterns) {
        return new Rule(code, key, reference, Pattern.compile(B + "(?:" + String.join("|", patterns) + ")" + E));
    }

    /**
     * Lints a text for pre-election neutrality.
     *
     * @param text the post (null or empty gives no finding)
     * @param ctx the candidates, parties and hashtags of the election (null: none)
     * @return warnings ordered by position
     * @throws InvalidInputException when the text is too long
     */
    public List<TextFinding> check(String text, NeutralityContext ctx) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (text.length() > AccessibilityLint.MAX_TEXT_LENGTH) {
            throw new InvalidInputException("lint.error.textTooLong", "text", AccessibilityLint.MAX_TEXT_LENGTH);
        }
        NeutralityContext context = ctx == null ? NeutralityContext.NONE : ctx;
        FoldedText folded = FoldedText.of(text);
        List<TextFinding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(folded.text);
            while (matcher.find()) {
                add(findings, folded, rule.code(), rule.messageKey(), rule.reference(), matcher.start(), matcher.end());
            }
        }
        List<Token> tokens = tokens(folded.text);
        names(folded, tokens, context.candidateNames(), "NEUTRALITY_CANDIDATE", "lint.neutrality.candidate", findings);
        names(folded, tokens, context.partyNames(), "NEUTRALITY_PARTY", "lint.neutrality.party", findings);
        hashtags(folded, context, findings);
        findings.sort(Comparator.comparingInt(TextFinding::start).thenComparingInt(TextFinding::end)
                .thenComparing(TextFinding::code));
        return List.copyOf(findings);
    }

    /** A word of the folded text: letters and digits, and its folded offsets. */
    private record Token(String text, int start, int end) {
    }

    private static List<Token> tokens(String folded) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = folded.length();
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            tokens.add(new Token(folded.substring(start, i), start, i));
        }
        return tokens;
    }

    /**
     * Finds the names as whole words, in one pass over the words of the text (names are indexed by
     * their first word): words of a name may be separated by spaces or hyphens.
     */
    private static void names(FoldedText folded, List<Token> tokens, Iterable<String> names, String code, String key,
            List<TextFinding> findings) {
        Map<String, List<String[]>> byFirstWord = new HashMap<>();
        for (String name : names) {
            String[] words = tokens(FoldedText.fold(name)).stream().map(Token::text).toArray(String[]::new);
            if (words.length > 0) {
                byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
            }
        }
        if (byFirstWord.isEmpty()) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<String[]> candidates = byFirstWord.get(tokens.get(i).text());
            if (candidates == null) {
                continue;
            }
            for (String[] words : candidates) {
                if (matchesAt(folded.text, tokens, i, words)) {
                    add(findings, folded, code, key, L52_8, tokens.get(i).start(), tokens.get(i + words.length - 1).end());
                }
            }
        }
    }

    private static boolean matchesAt(String text, List<Token> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            Token previous = tokens.get(at + k - 1);
            Token token = tokens.get(at + k);
            if (!token.text().equals(words[k])) {
                return false;
            }
            for (int c = previous.end(); c < token.start(); c++) {
                char between = text.charAt(c);
                if (!Character.isWhitespace(between) && between != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static void hashtags(FoldedText folded, NeutralityContext context, List<TextFinding> findings) {
        List<String> extra = context.electionHashtags().stream()
                .map(h -> FoldedText.fold(h.startsWith("#") ? h.substring(1) : h).strip())
                .filter(h -> !h.isEmpty()).toList();
        Matcher matcher = HASHTAG.matcher(folded.text);
        while (matcher.find()) {
            String body = matcher.group(1).toLowerCase(Locale.ROOT);
            if (ELECTION_HASHTAG.matcher(body).matches() || extra.contains(body)) {
                add(findings, folded, "NEUTRALITY_ELECTION_HASHTAG", "lint.neutrality.electionHashtag", L52_1,
                        matcher.start(), matcher.end());
            }
        }
    }

    private static void add(List<TextFinding> findings, FoldedText folded, String code, String key, String reference,
            int foldedStart, int foldedEnd) {
        int start = folded.start(foldedStart);
        int end = folded.end(foldedEnd);
        int sameRule = 0;
        for (TextFinding existing : findings) {
            if (existing.code().equals(code)) {
                if (existing.start() < end && start < existing.end()) {
                    return; // the same remark on an overlapping span
                }
                sameRule++;
            }
        }
        if (sameRule >= AccessibilityLint.MAX_FINDINGS_PER_RULE) {
            return;
        }
        findings.add(new TextFinding(code, Severity.WARNING, key, List.of(folded.original.substring(start, end)),
                reference, start, end));
    }
}

package fr.parvis.language;

import fr.parvis.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Accessibility lint of a French post and its media (domain.md §8, loi 2005-102 art. 47, RGAA 4.1):
 * missing or useless text alternatives, videos without subtitles, hashtags screen readers cannot
 * split, emojis, fancy Unicode letters, capitals, undefined acronyms, repeated punctuation and long
 * sentences. Pure, stateless and thread-safe; dependency-free (JDK only).
 */
@Component
public class AccessibilityLint {

    /** Longest text accepted (Facebook's 63,206 characters, rounded up). */
    public static final int MAX_TEXT_LENGTH = 70_000;
    /** Most media accepted. */
    public static final int MAX_MEDIA = 50;
    /** Most hashtags before a warning. */
    public static final int MAX_HASHTAGS = 3;
    /** Most emojis before a warning. */
    public static final int MAX_EMOJIS = 3;
    /** Most findings reported per rule (the first ones in the text), in both lints. */
    public static final int MAX_FINDINGS_PER_RULE = 50;
    /** Most words in a sentence before a warning. */
    public static final int MAX_SENTENCE_WORDS = 25;

    static final String LAW = "Loi 2005-102 art. 47";
    static final String RGAA_ALT = "RGAA 4.1 critère 1.1";
    static final String RGAA_ALT_RELEVANT = "RGAA 4.1 critère 1.3";
    static final String RGAA_SUBTITLES = "RGAA 4.1 critère 4.3";

    /** Acronyms every French reader knows, never reported. */
    public static final Set<String> KNOWN_ACRONYMS = Set.of("SNCF", "CAF", "RSA", "PLU", "EHPAD", "CCAS", "RATP",
            "TER", "TGV", "RER", "SAMU", "SMUR", "EDF", "CPAM", "URSSAF", "APL", "SMIC", "PME", "TPE", "SDIS", "EPCI",
            "CNIL", "RGPD", "RGAA", "UE", "ONU", "UNESCO", "UNICEF", "OMS", "HLM", "CHU", "CHRU", "ALSH", "ATSEM",
            "CAP", "BTS", "BEP", "BAC", "IUT", "CFA", "CROUS", "COVID", "SIDA", "VIH", "ARS", "INSEE", "TVA", "SMS",
            "PACS", "CNI", "ANTS", "OK", "TV", "USB", "GPS", "URL", "QR", "PDF", "FAQ", "JO", "JOP", "MJC", "CCI",
            "PMI", "SPA", "SDF", "LGBT", "LGBTQ", "LGBTQIA", "PMR", "DJ", "VTT", "WC", "ADN", "PS", "NB", "RDV",
            "SVP", "BD", "CV", "PV", "RIB", "CGV", "CB", "UFC", "AFP", "PQR", "FNAC", "IKEA", "SPF", "FALC");

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]+)");
    private static final Pattern EXCLUDED = Pattern.compile(
            "(?:https?://|www\\.)\\S+|(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}"
                    + "|@[\\p{L}\\p{N}_.]+"
                    + "|(?<![\\p{L}\\p{N}_&/#])#[\\p{L}\\p{N}_]+");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("[!?]{2,}");
    private static final Pattern ROMAN = Pattern.compile("M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)\\S*\\.(jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|avif|mp4|mov)|(img|dsc|dscn|pxl|image|photo|screenshot)"
                    + "[ _-]?\\d[\\w-]*|capture d[’'´]écran[\\w\\s.:-]*\\d[\\w\\s.:-]*");
    private static final Set<String> USELESS_ALT = Set.of("image", "images", "photo", "photos", "img", "picture",
            "pic", "illustration", "visuel", "visuels", "capture", "capture d'ecran", "screenshot", "une image",
            "une photo", "l'image", "la photo", "photographie", "logo", "affiche", "alt", "texte alternatif", "media",
            "fichier");
    private static final Set<String> ABBREVIATIONS = Set.of("m", "mme", "mmes", "mlle", "mr", "dr", "st", "ste",
            "etc", "av", "bd", "cf", "ex", "env", "tel", "p", "n", "no", "art", "al", "ed", "vol", "min", "max");

    private final Emojis emojis;
    private final FrenchWords words;

    public AccessibilityLint() {
        this.emojis = Shared.EMOJIS;
        this.words = Shared.WORDS;
    }

    /** Lints a text and its media with the built-in acronym list. */
    public List<TextFinding> check(String text, List<MediaDescription> media) {
        return check(text, media, Set.of());
    }

    /**
     * Lints a text and its media.
     *
     * @param text the post, may be null or empty (only the media are checked then)
     * @param media the attached media, in order (may be null)
     * @param knownAcronyms acronyms of the collectivité that need no explanation (for example its
     *        EPCI's), in addition to {@link #KNOWN_ACRONYMS}
     * @return the findings, ordered by position (media findings first)
     * @throws InvalidInputException when the text or the media list is too long
     */
    public List<TextFinding> check(String text, List<MediaDescription> media, Set<String> knownAcronyms) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("lint.error.textTooLong", "text", MAX_TEXT_LENGTH);
        }
        List<MediaDescription> m = media == null ? List.of() : media;
        if (m.size() > MAX_MEDIA) {
            throw new InvalidInputException("lint.error.tooManyMedia", "media", MAX_MEDIA);
        }
        List<TextFinding> findings = new ArrayList<>();
        checkMedia(m, findings);
        if (!t.isEmpty()) {
            boolean[] excluded = excludedMask(t);
            checkHashtags(t, findings);
            checkEmojis(t, findings);
            checkFancyLetters(t, findings);
            checkCapitals(t, excluded, acronyms(knownAcronyms), findings);
            checkPunctuation(t, findings);
            checkSentences(t, findings);
        }
        findings.sort(Comparator.comparingInt(TextFinding::start).thenComparingInt(TextFinding::end)
                .thenComparing(TextFinding::code));
        Map<String, Integer> perRule = new HashMap<>();
        return findings.stream().filter(f -> perRule.merge(f.code(), 1, Integer::sum) <= MAX_FINDINGS_PER_RULE)
                .toList();
    }

    // ---- media ------------------------------------------------------------------------------------

    private void checkMedia(List<MediaDescription> media, List<TextFinding> findings) {
        int image = 0;
        int video = 0;
        for (MediaDescription item : media) {
            if (item == null) {
                continue;
            }
            if (item.isImage()) {
                image++;
                String alt = item.altText() == null ? "" : item.altText().strip();
                if (alt.isEmpty()) {
                    findings.add(new TextFinding("ALT_MISSING", Severity.ERROR, "lint.altMissing", List.of(image),
                            RGAA_ALT, -1, -1));
                } else if (isUselessAlt(alt)) {
                    findings.add(new TextFinding("ALT_UNINFORMATIVE", Severity.WARNING, "lint.altUninformative",
                            List.of(image, alt), RGAA_ALT_RELEVANT, -1, -1));
                }
            } else {
                video++;
                if (!item.subtitled()) {
                    findings.add(new TextFinding("VIDEO_NO_SUBTITLES", Severity.ERROR, "lint.videoNoSubtitles",
                            List.of(video), RGAA_SUBTITLES, -1, -1));
                }
            }
        }
    }

    static boolean isUselessAlt(String alt) {
        String folded = FoldedText.fold(alt).replaceAll("[\\s.:!…-]+$", "").replaceAll("\\s+", " ").strip();
        if (USELESS_ALT.contains(folded)) {
            return true;
        }
        return FILE_NAME.matcher(alt.strip()).matches();
    }

    // ---- hashtags ---------------------------------------------------------------------------------

    private void checkHashtags(String text, List<TextFinding> findings) {
        Matcher matcher = HASHTAG.matcher(text);
        List<int[]> hashtags = new ArrayList<>();
        while (matcher.find()) {
            String body = matcher.group(1);
            if (body.codePoints().noneMatch(Character::isLetter)) {
                continue; // #1, #2024: numbers, not hashtags
            }
            hashtags.add(new int[] {matcher.start(), matcher.end()});
            caseFinding(text, matcher.start(), matcher.end(), body).ifPresent(findings::add);
            if (insideSentence(text, matcher.end())) {
                findings.add(new TextFinding("HASHTAG_IN_SENTENCE", Severity.WARNING, "lint.hashtagInSentence",
                        List.of(matcher.group()), LAW, matcher.start(), matcher.end()));
            }
        }
        if (hashtags.size() > MAX_HASHTAGS) {
            int[] first = hashtags.get(MAX_HASHTAGS);
            int[] last = hashtags.get(hashtags.size() - 1);
            findings.add(new TextFinding("HASHTAG_TOO_MANY", Severity.WARNING, "lint.hashtagTooMany",
                    List.of(hashtags.size(), MAX_HASHTAGS), LAW, first[0], last[1]));
        }
    }

    private Optional<TextFinding> caseFinding(String text, int start, int end, String body) {
        boolean hasLower = false;
        boolean hasUpper = false;
        boolean hump = false;
        int previous = -1;
        int letters = 0;
        for (int i = 0; i < body.length(); i += Character.charCount(body.codePointAt(i))) {
            int cp = body.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
            }
            hasLower |= Character.isLowerCase(cp);
            hasUpper |= Character.isUpperCase(cp);
            if (previous >= 0 && Character.isUpperCase(cp) && !Character.isUpperCase(previous)) {
                hump = true; // a capital after a lower-case letter or a digit: words are marked
            }
            previous = cp;
        }
        if (hump || body.indexOf('_') >= 0) {
            return Optional.empty();
        }
        boolean allUpper = hasUpper && !hasLower;
        FoldedText folded = FoldedText.of(body);
        if (words.contains(folded.text)) {
            return Optional.empty();
        }
        Optional<List<int[]>> split = words.split(folded.text);
        if (split.isPresent()) {
            List<int[]> pieces = split.get();
            long wordPieces = pieces.stream().filter(p -> !Character.isDigit(folded.text.charAt(p[0]))).count();
            if (wordPieces >= 2) {
                StringBuilder suggestion = new StringBuilder("#");
                for (int[] piece : pieces) {
                    String original = body.substring(folded.start(piece[0]), folded.end(piece[1]));
                    if (allUpper) {
                        original = original.toLowerCase(Locale.FRENCH);
                    }
                    int first = original.codePointAt(0);
                    suggestion.appendCodePoint(Character.toUpperCase(first))
                            .append(original.substring(Character.charCount(first)));
                }
                return Optional.of(new TextFinding("HASHTAG_CASE", Severity.WARNING, "lint.hashtagCase",
                        List.of("#" + body, suggestion.toString()), LAW, start, end));
            }
            return Optional.empty();
        }
        if (letters >= 15) {
            return Optional.of(new TextFinding("HASHTAG_CASE", Severity.WARNING, "lint.hashtagCaseGeneric",
                    List.of("#" + body), LAW, start, end));
        }
        return Optional.empty();
    }

    /** Whether a word follows on the same line (after spaces and , ; :), i.e. the tag is read within a sentence. */
    private static boolean insideSentence(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == ',' || c == ';' || c == ':') {
                i++;
                continue;
            }
            break;
        }
        if (i >= text.length()) {
            return false;
        }
        int cp = text.codePointAt(i);
        return Character.isLetterOrDigit(cp) && !FancyLetters.isFancy(cp, -1);
    }

    // ---- emojis -----------------------------------------------------------------------------------

    private void checkEmojis(String text, List<TextFinding> findings) {
        List<Emojis.Emoji> found = emojis.scan(text);
        if (found.isEmpty()) {
            return;
        }
        if (found.size() > MAX_EMOJIS) {
            // each distinct emoji once, the first 20 of them
            String names = found.stream().map(e -> e.text() + " « " + e.name() + " »").distinct().limit(20)
                    .collect(Collectors.joining(", "));
            findings.add(new TextFinding("EMOJI_TOO_MANY", Severity.WARNING, "lint.emojiTooMany",
                    List.of(found.size(), names, MAX_EMOJIS), LAW, -1, -1));
        }
        boolean multiline = text.strip().indexOf('\n') >= 0;
        for (Emojis.Emoji emoji : found) {
            if (multiline && startsLine(text, emoji.start())) {
                findings.add(new TextFinding("EMOJI_BULLET", Severity.WARNING, "lint.emojiBullet",
                        List.of(emoji.text(), emoji.name()), LAW, emoji.start(), emoji.end()));
            } else if (betweenWords(text, emoji.start(), emoji.end())) {
                findings.add(new TextFinding("EMOJI_REPLACES_WORD", Severity.WARNING, "lint.emojiReplacesWord",
                        List.of(emoji.text(), emoji.name()), LAW, emoji.start(), emoji.end()));
            }
        }
    }

    private static boolean startsLine(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean betweenWords(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && isBlank(text.charAt(before))) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return false;
        }
        int previous = Character.codePointBefore(text, before + 1);
        boolean wordBefore = Character.isLetterOrDigit(previous) || previous == '\'' || previous == '’';
        int after = end;
        while (after < text.length() && isBlank(text.charAt(after))) {
            after++;
        }
        if (after >= text.length()) {
            return false;
        }
        int next = text.codePointAt(after);
        return wordBefore && Character.isLetterOrDigit(next);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }

    // ---- fancy letters ----------------------------------------------------------------------------

    private void checkFancyLetters(String text, List<TextFinding> findings) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = nextCodePoint(text, i);
            if (!FancyLetters.isFancy(cp, next)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            int j = i;
            // extend over fancy letters, and over spaces and punctuation between them
            while (j < n) {
                int c = text.codePointAt(j);
                if (FancyLetters.isFancy(c, nextCodePoint(text, j))) {
                    j += Character.charCount(c);
                    end = j;
                } else if (c != '\n' && c != '\r' && !Character.isLetterOrDigit(c) && emojis.emojiEnd(text, j) == j) {
                    j += Character.charCount(c);
                } else {
                    break;
                }
            }
            String fancy = text.substring(start, end);
            StringBuilder plain = new StringBuilder();
            for (int k = 0; k < fancy.length(); ) {
                int c = fancy.codePointAt(k);
                plain.append(FancyLetters.isFancy(c, nextCodePoint(fancy, k)) ? FancyLetters.plain(c)
                        : new String(Character.toChars(c)));
                k += Character.charCount(c);
            }
            findings.add(new TextFinding("FANCY_LETTERS", Severity.ERROR, "lint.fancyLetters",
                    List.of(fancy, java.text.Normalizer.normalize(plain, java.text.Normalizer.Form.NFC)), LAW, start, end));
            i = end;
        }
    }

    private static int nextCodePoint(String text, int i) {
        int after = i + Character.charCount(text.codePointAt(i));
        return after < text.length() ? text.codePointAt(after) : -1;
    }

    // ---- capitals and acronyms --------------------------------------------------------------------

    private record Word(String text, int start, int end, int letters) {
    }

    private static Set<String> acronyms(Set<String> extra) {
        Set<String> all = new HashSet<>(KNOWN_ACRONYMS);
        if (extra != null) {
            extra.stream().filter(a -> a != null && !a.isBlank()).limit(1_000)
                    .forEach(a -> all.add(a.strip().toUpperCase(Locale.FRENCH)));
        }
        return all;
    }

    private static boolean[] excludedMask(String text) {
        boolean[] mask = new boolean[text.length()];
        Matcher matcher = EXCLUDED.matcher(text);
        while (matcher.find()) {
            for (int k = matcher.start(); k < matcher.end(); k++) {
                mask[k] = true;
            }
        }
        return mask;
    }

    private void checkCapitals(String text, boolean[] excluded, Set<String> acronyms, List<TextFinding> findings) {
        List<List<Word>> runs = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isPlainLetter(cp, text, i)) {
                if (Character.isLowerCase(cp) || Character.isDigit(cp) || cp == '\n') {
                    closeRun(run, runs);
                }
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean allUpper = true;
            int letters = 0;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!isPlainLetter(c, text, i)) {
                    break;
                }
                allUpper &= Character.isUpperCase(c);
                letters++;
                i += Character.charCount(c);
            }
            boolean touchesDigit = (start > 0 && Character.isDigit(text.charAt(start - 1)))
                    || (i < n && Character.isDigit(text.charAt(i)));
            String word = text.substring(start, i);
            if (!allUpper || excluded[start] || touchesDigit) {
                closeRun(run, runs);
                continue;
            }
            if (letters < 2 || ROMAN.matcher(word).matches()) {
                continue; // "À", "L'" and roman numerals neither break nor make a run
            }
            run.add(new Word(word, start, i, letters));
        }
        closeRun(run, runs);

        Set<String> reported = new HashSet<>();
        Set<String> defined = runs.isEmpty() ? Set.of() : definedAcronyms(text);
        for (List<Word> r : runs) {
            List<Word> unknown = r.stream().filter(w -> !acronyms.contains(w.text())).toList();
            if (unknown.isEmpty()) {
                continue;
            }
            boolean shouting = unknown.stream().anyMatch(w -> w.letters() >= 4 && (isWord(w) || w.letters() > 6
                    || hasAccent(w.text()))) || (unknown.size() >= 2 && unknown.stream().anyMatch(w -> w.letters() >= 4));
            if (shouting) {
                Word first = unknown.get(0);
                Word last = unknown.get(unknown.size() - 1);
                findings.add(new TextFinding("ALL_CAPS", Severity.WARNING, "lint.allCaps",
                        List.of(text.substring(first.start(), last.end())), LAW, first.start(), last.end()));
                continue;
            }
            for (Word w : unknown) {
                if (w.letters() > 6 || isWord(w) || hasAccent(w.text()) || !reported.add(w.text())
                        || defined.contains(w.text())) {
                    continue;
                }
                findings.add(new TextFinding("UNDEFINED_ACRONYM", Severity.WARNING, "lint.undefinedAcronym",
                        List.of(w.text()), LAW, w.start(), w.end()));
            }
        }
    }

    private static void closeRun(List<Word> run, List<List<Word>> runs) {
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
            run.clear();
        }
    }

    private static boolean isPlainLetter(int cp, String text, int i) {
        return Character.isLetter(cp) && !FancyLetters.isFancy(cp, nextCodePoint(text, i));
    }

    private boolean isWord(Word w) {
        return words.contains(FoldedText.fold(w.text()));
    }

    private static boolean hasAccent(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0xC0 && c <= 0x17F) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DEFINED_AFTER = Pattern.compile("\\(\\s*(\\p{Lu}{2,6})\\s*\\)");
    private static final Pattern DEFINED_BEFORE =
            Pattern.compile("(?<!\\p{L})(\\p{Lu}{2,6})\\s*\\(\\s*\\p{L}[^)]{2,200}\\)");

    /** Acronyms the text defines: "… (CCAS)" or "CCAS (centre communal d'action sociale)". */
    static Set<String> definedAcronyms(String text) {
        Set<String> defined = new HashSet<>();
        for (Pattern pattern : List.of(DEFINED_AFTER, DEFINED_BEFORE)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                defined.add(matcher.group(1));
            }
        }
        return defined;
    }

    // ---- punctuation and sentences ----------------------------------------------------------------

    private void checkPunctuation(String text, List<TextFinding> findings) {
        Matcher matcher = REPEATED_PUNCTUATION.matcher(text);
        while (matcher.find()) {
            String marks = matcher.group();
            if (marks.equals("?!") || marks.equals("!?")) {
                continue;
            }
            findings.add(new TextFinding("REPEATED_PUNCTUATION", Severity.WARNING, "lint.repeatedPunctuation",
                    List.of(marks), LAW, matcher.start(), matcher.end()));
        }
    }

    private void checkSentences(String text, List<TextFinding> findings) {
        int n = text.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n;
            int cut = i;
            if (!boundary) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    boundary = true;
                } else if ((c == '.' || c == '!' || c == '?' || c == '…') && endsSentence(text, i)) {
                    boundary = true;
                    cut = i + 1;
                }
            }
            if (boundary) {
                sentence(text, start, cut, findings);
                start = cut;
            }
        }
    }

    private static boolean endsSentence(String text, int i) {
        int next = i + 1;
        if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
            return false; // 12.5, ville.fr, "?!"
        }
        if (text.charAt(i) == '.') {
            int w = i;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
                w--;
            }
            String previous = text.substring(w, i).toLowerCase(Locale.FRENCH);
            return !ABBREVIATIONS.contains(FoldedText.fold(previous));
        }
        return true;
    }

    private static void sentence(String text, int from, int to, List<TextFinding> findings) {
        String sentence = text.substring(from, to);
        int count = 0;
        for (String token : sentence.split("[\\s\u00A0\u202F]+")) {
            if (token.isEmpty() || token.startsWith("#") || token.startsWith("@") || URL.matcher(token).matches()) {
                continue;
            }
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        if (count > MAX_SENTENCE_WORDS) {
            int s = from;
            while (s < to && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            int e = to;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            findings.add(new TextFinding("LONG_SENTENCE", Severity.WARNING, "lint.longSentence",
                    List.of(count, MAX_SENTENCE_WORDS), LAW, s, e));
        }
    }

    /** Resources read once for both lints. */
    static final class Shared {
        static final Emojis EMOJIS = Emojis.load();
        static final FrenchWords WORDS = FrenchWords.load();

        private Shared() {
        }
    }
}

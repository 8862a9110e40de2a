package fr.parvis.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small French word list ({@code language/mots-fr.txt}: function words and the vocabulary of local
 * public communication), used to split hashtags written without capitals and to tell an upper-case
 * word from an acronym. Words are stored folded (see {@link FoldedText}).
 */
final class FrenchWords {

    static final String RESOURCE = "language/mots-fr.txt";
    private static final int MAX_WORD = 30;
    private static final int MAX_SPLIT = 140;

    private final Set<String> words;

    private FrenchWords(Set<String> words) {
        this.words = words;
    }

    static FrenchWords load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = FrenchWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (word.isEmpty() || word.startsWith("#")) {
                    continue;
                }
                for (String w : word.split("\\s+")) {
                    words.add(FoldedText.fold(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FrenchWords(Set.copyOf(words));
    }

    /** Whether the folded word is in the list. */
    boolean contains(String folded) {
        return words.contains(folded);
    }

    /**
     * Splits a folded, letters-and-digits string into the fewest known words and digit runs.
     *
     * @return the split as start-end pairs (end excluded) over {@code folded}, empty when it cannot be split
     */
    Optional<List<int[]>> split(String folded) {
        int n = folded.length();
        if (n == 0 || n > MAX_SPLIT) {
            return Optional.empty();
        }
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = Math.max(0, i - MAX_WORD); j < i; j++) {
                if (best[j] == Integer.MAX_VALUE) {
                    continue;
                }
                String piece = folded.substring(j, i);
                if (!words.contains(piece) && !allDigits(piece)) {
                    continue;
                }
                // prefer fewer pieces; among equal counts, the longer last piece (j smaller) wins
                if (best[j] + 1 < best[i]) {
                    best[i] = best[j] + 1;
                    from[i] = j;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<int[]> pieces = new ArrayList<>();
        for (int i = n; i > 0; i = from[i]) {
            pieces.add(0, new int[] {from[i], i});
        }
        return Optional.of(pieces);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

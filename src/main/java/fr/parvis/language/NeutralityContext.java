package fr.parvis.language;

import fr.parvis.shared.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the neutrality lint must know about the election in progress.
 *
 * @param candidateNames full names of the declared candidates (matched as whole words, accents and
 *        case ignored); give surname variants as separate entries if wanted
 * @param partyNames names of parties and lists
 * @param electionHashtags hashtags of the election, with or without the leading {@code #}, in addition
 *        to the general ones the lint already knows (#Municipales2032, #Presidentielle2027…)
 */
public record NeutralityContext(Set<String> candidateNames, Set<String> partyNames, Set<String> electionHashtags) {

    /** Most names per set. */
    public static final int MAX_NAMES = 500;
    /** Longest name. */
    public static final int MAX_NAME_LENGTH = 150;

    public static final NeutralityContext NONE = new NeutralityContext(Set.of(), Set.of(), Set.of());

    public NeutralityContext {
        candidateNames = clean(candidateNames, "candidateNames");
        partyNames = clean(partyNames, "partyNames");
        electionHashtags = clean(electionHashtags, "electionHashtags");
    }

    private static Set<String> clean(Set<String> names, String field) {
        if (names == null) {
            return Set.of();
        }
        if (names.size() > MAX_NAMES) {
            throw new InvalidInputException("lint.error.tooManyNames", field, MAX_NAMES);
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String stripped = name.strip();
            if (stripped.length() > MAX_NAME_LENGTH) {
                throw new InvalidInputException("lint.error.nameTooLong", field, MAX_NAME_LENGTH);
            }
            cleaned.add(stripped);
        }
        return Set.copyOf(cleaned);
    }
}

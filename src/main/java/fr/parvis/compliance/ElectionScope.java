package fr.parvis.compliance;

/** Which collectivités an election concerns. */
public enum ElectionScope {
    /** Every collectivité (présidentielle, législatives, européennes, référendum). */
    NATIONAL,
    /** The collectivités of the types its kind names ({@link ElectionKind#concernedTypes()}). */
    BY_TYPE,
    /** Only the collectivité that added it (an ad-hoc or partial election). */
    LOCAL
}

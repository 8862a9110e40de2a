package fr.parvis.compliance;

/** Where an election stands against its reserve period. */
public enum ElectionStatus {
    /** The reserve period has not started. */
    UPCOMING,
    /** Within the reserve period. */
    IN_PROGRESS,
    /** The decisive round is over. */
    PAST
}

package fr.parvis.publishing;

/** The publication of one post on one account. */
public enum VariantState {
    /** Not scheduled yet (the post is in the approval circuit). */
    DRAFT,
    /** Parvis publishes it at its time. */
    SCHEDULED,
    /** The network publishes it at its time (native scheduling); Parvis reads it back afterwards. */
    NATIVE_SCHEDULED,
    /** Claimed by one node, the network call is under way. */
    PUBLISHING,
    PUBLISHED,
    FAILED,
    /** The call ended without a clear answer: read back from the network, never retried blindly. */
    OUTCOME_UNKNOWN,
    CANCELLED,
    /** Held by crisis mode. */
    PAUSED;

    public boolean finished() {
        return this == PUBLISHED || this == FAILED || this == CANCELLED;
    }
}

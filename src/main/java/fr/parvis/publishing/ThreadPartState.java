package fr.parvis.publishing;

/** The publication of one part of a thread (a reply to the previous part, or to the post for the first). */
public enum ThreadPartState {
    /** Not sent yet: waits for its post and the parts before it. */
    PENDING,
    /** Claimed by one node, the network call is under way. */
    SENDING,
    PUBLISHED,
    /** Refused by the network: the thread stops here and the author is told. */
    FAILED,
    /** The call ended without a clear answer: read back from the network, never sent again blindly. */
    OUTCOME_UNKNOWN
}

package fr.parvis.publishing;

/**
 * Where a post stands, from the draft to its publication on every selected account. The approval
 * circuit moves a post from {@link #DRAFT} to {@link #APPROVED}; scheduling and publication then
 * follow its variants (one per account): the post is {@link #PUBLISHED} when every variant is.
 */
public enum PostStatus {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    /** Approved, not yet given a time (or to publish at once). */
    APPROVED,
    /** Approved and waiting for its time. */
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    /** At least one account refused or failed; the others may be published. */
    FAILED,
    /** A publication may or may not exist on a network: read back, or a person decides. */
    OUTCOME_UNKNOWN,
    CANCELLED,
    /** The approval was not given before the publication time. */
    APPROVAL_EXPIRED,
    /** Held by crisis mode. */
    PAUSED;

    /** Whether the text, accounts and time may still change (the post goes back to draft). */
    public boolean editable() {
        return this == DRAFT || this == SUBMITTED || this == CHANGES_REQUESTED || this == APPROVED
                || this == SCHEDULED || this == APPROVAL_EXPIRED || this == PAUSED || this == CANCELLED;
    }
}

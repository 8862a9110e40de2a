package fr.parvis.territory;

/**
 * What a role allows beyond reading. Checked in the management services, the same for the UI and
 * the API. Later modules add theirs.
 */
public enum Permission {
    COLLECTIVITE_EDIT,
    MEMBERS_VIEW,
    MEMBERS_MANAGE,
    SERVICES_MANAGE,
    AUDIT_VIEW,
    TOKENS_ADMINISTER,
    DELEGATIONS_MANAGE,
    /** Connect, pause, reconnect and disconnect social accounts; subscribe RSS/Atom sources. */
    CHANNELS_MANAGE,
    /** Write, edit, submit and schedule posts; manage the media library. */
    POSTS_WRITE,
    /** Approve posts or request changes (one level of the approval circuit). */
    POSTS_APPROVE,
    /** Enter and leave crisis mode; publish the pre-approved alert templates. */
    CRISIS_MANAGE,
    /** Edit the election calendar (ad-hoc and partial elections) and the approval circuit settings. */
    PUBLISHING_SETTINGS
}

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
    CHANNELS_MANAGE
}

package fr.parvis.channels;

/** The state of a social account in Parvis. */
public enum AccountStatus {
    /** Working: Parvis publishes and reads. */
    CONNECTED,
    /** The network refused the credentials: someone must reconnect the account. */
    RECONNECTION_NEEDED,
    /** Paused by the team: nothing is read or published until resumed. */
    PAUSED,
    /** Disconnected for good: credentials deleted, history kept. */
    DISABLED
}

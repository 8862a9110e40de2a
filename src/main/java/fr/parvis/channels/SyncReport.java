package fr.parvis.channels;

/**
 * The outcome of reading an account.
 *
 * @param skipped the account was not connected (paused, disabled, reconnection needed)
 * @param errorKey the message key of the failure, or {@code null}
 */
public record SyncReport(int newPosts, int newInteractions, boolean skipped, String errorKey) {

    static SyncReport skippedOne() {
        return new SyncReport(0, 0, true, null);
    }
}

package fr.parvis.channels.spi;

/** Reading the account's own posts (to mirror its history, including posts made outside Parvis). */
public interface Timeline {

    /** Our posts after {@code since}, oldest first. Idempotent. */
    PostPage posts(AccountContext account, Cursor since);
}

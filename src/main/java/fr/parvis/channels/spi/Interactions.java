package fr.parvis.channels.spi;

/** Reading inbound interactions (comments, replies, mentions, messages…) since a cursor. */
public interface Interactions {

    /** Interactions after {@code since}, oldest first. Idempotent: retried on transient failures. */
    InteractionPage since(AccountContext account, Cursor since);
}

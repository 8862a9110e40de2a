package fr.parvis.channels.spi;

/** What an inbound interaction is. */
public enum InteractionType {
    /** A comment under one of our posts. */
    COMMENT,
    /** A reply to a comment or reply in one of our threads. */
    REPLY,
    /** Someone names the account elsewhere. */
    MENTION,
    /** A private message. */
    DIRECT_MESSAGE,
    /** A like or another reaction (counted, no text). */
    REACTION,
    /** A share, repost or boost. */
    SHARE
}

package fr.parvis.channels.spi;

/**
 * What can be done to a third-party interaction. Each network allows a subset (see
 * {@link NetworkProfile#moderation()}): Facebook and Instagram hide; Bluesky hides replies with a
 * threadgate; Mastodon and LinkedIn only delete their own, block or report.
 */
public enum ModerationAction {
    HIDE,
    UNHIDE,
    DELETE,
    BLOCK_AUTHOR,
    REPORT
}

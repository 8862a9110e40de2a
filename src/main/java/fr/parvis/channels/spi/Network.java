package fr.parvis.channels.spi;

/** The social networks Parvis connects to. The Sandbox is simulated, in-process. */
public enum Network {
    SANDBOX,
    BLUESKY,
    MASTODON,
    FACEBOOK,
    INSTAGRAM,
    X,
    LINKEDIN,
    YOUTUBE
}

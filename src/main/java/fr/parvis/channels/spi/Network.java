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
    YOUTUBE;

    /**
     * Whether an account's replies to its own post read as a thread on this network (Sandbox,
     * Bluesky, Mastodon, X), where the profile allows replies at all. Elsewhere (Facebook,
     * Instagram, LinkedIn, YouTube) a reply is a comment under the post: a first comment, not a thread.
     */
    public boolean threads() {
        return this == SANDBOX || this == BLUESKY || this == MASTODON || this == X;
    }
}

package fr.parvis.channels.spi;

import java.time.Instant;

/** The network publishes at a given time itself (Facebook, Mastodon, YouTube). */
public interface NativeScheduling {

    /** Schedules the draft; returns the network's id of the scheduled item. */
    String schedule(AccountContext account, PostDraft draft, Instant at);

    void cancel(AccountContext account, String scheduledExternalId);
}

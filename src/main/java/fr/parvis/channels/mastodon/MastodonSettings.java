package fr.parvis.channels.mastodon;

import java.time.Duration;

/**
 * Pacing of the Mastodon connector.
 *
 * @param mediaPollInterval pause between two looks at a media still being processed
 * @param mediaMaxWait longest wait for a media to be processed before giving up
 * @param pageSize items asked per page of notifications or statuses (Mastodon allows up to 40)
 */
record MastodonSettings(Duration mediaPollInterval, Duration mediaMaxWait, int pageSize) {

    static final MastodonSettings DEFAULTS = new MastodonSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), 40);
}

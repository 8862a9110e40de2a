package fr.parvis.channels.mastodon;

import java.time.Duration;

/**
 * Pacing of the Mastodon connector.
 *
 * @param mediaPollInterval pause between two looks at a media still being processed
 * @param mediaMaxWait longest wait for a media to be processed before giving up
 * @param pageSize items asked per page of notifications or statuses (Mastodon allows up to 40)
 * @param videoMaxWait longest wait for a video to be processed (transcoded by the instance)
 * @param videoUploadTimeout longest sending of a video (the other requests keep Parvis's read timeout)
 */
record MastodonSettings(Duration mediaPollInterval, Duration mediaMaxWait, int pageSize, Duration videoMaxWait,
        Duration videoUploadTimeout) {

    static final MastodonSettings DEFAULTS = new MastodonSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), 40,
            Duration.ofMinutes(5), Duration.ofMinutes(5));

    MastodonSettings(Duration mediaPollInterval, Duration mediaMaxWait, int pageSize) {
        this(mediaPollInterval, mediaMaxWait, pageSize, mediaMaxWait, Duration.ofMinutes(5));
    }
}

package fr.parvis.channels.spi;

import java.net.URI;
import java.util.List;

/**
 * A post to publish on one network (a variant, already adapted to it).
 *
 * @param link a link to show as a card or a facet, also present in {@code text} or not
 * @param replyTo the network id of the post this one answers, or {@code null}
 * @param language BCP 47 language of the text ({@code fr} by default)
 * @param idempotencyKey the same key for retries of the same publication (networks that support it
 *     use it to avoid duplicates)
 * @param videos the videos (none on most posts; networks accept at most one, see
 *     {@link NetworkProfile.VideoLimits})
 */
public record PostDraft(String text, List<ImageAttachment> images, URI link, String replyTo, String language,
        String idempotencyKey, List<VideoAttachment> videos) {

    public PostDraft {
        images = images == null ? List.of() : List.copyOf(images);
        language = language == null ? "fr" : language;
        videos = videos == null ? List.of() : List.copyOf(videos);
    }

    /** A draft without video. */
    public PostDraft(String text, List<ImageAttachment> images, URI link, String replyTo, String language,
            String idempotencyKey) {
        this(text, images, link, replyTo, language, idempotencyKey, List.of());
    }

    public static PostDraft text(String text) {
        return new PostDraft(text, List.of(), null, null, "fr", null);
    }

    /** The same draft with another idempotency key. */
    public PostDraft withIdempotencyKey(String key) {
        return new PostDraft(text, images, link, replyTo, language, key, videos);
    }

    /** The same draft with these videos. */
    public PostDraft withVideos(List<VideoAttachment> list) {
        return new PostDraft(text, images, link, replyTo, language, idempotencyKey, list);
    }
}

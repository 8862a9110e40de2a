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
 */
public record PostDraft(String text, List<ImageAttachment> images, URI link, String replyTo, String language,
        String idempotencyKey) {

    public PostDraft {
        images = images == null ? List.of() : List.copyOf(images);
        language = language == null ? "fr" : language;
    }

    public static PostDraft text(String text) {
        return new PostDraft(text, List.of(), null, null, "fr", null);
    }
}

package fr.parvis.channels.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a network allows and how it counts: shown to users on the account page and checked before
 * any publication.
 *
 * @param maxTextLength the longest text, as {@code counter} counts it
 * @param maxImageBytes the largest image the network accepts
 * @param imageTypes accepted media types of images
 * @param maxAltTextLength the longest alternative text of an image
 * @param links whether a link can be attached (card or facet)
 * @param replies whether a post can answer another
 * @param interactions the kinds of interactions the connector reads
 * @param moderation the actions the network allows on third-party interactions
 * @param minimumScheduleLead the shortest delay of native scheduling, or {@code null} without it
 * @param rateLimits a short description of the network's rate limits (shown as is)
 */
public record NetworkProfile(Network network, int maxTextLength, TextCounter counter, int maxImages,
        long maxImageBytes, Set<String> imageTypes, int maxAltTextLength, boolean links, boolean replies,
        Set<InteractionType> interactions, Set<ModerationAction> moderation, Duration minimumScheduleLead,
        String rateLimits) {

    public NetworkProfile {
        imageTypes = Set.copyOf(imageTypes);
        interactions = Set.copyOf(interactions);
        moderation = Set.copyOf(moderation);
    }

    /** The problems that forbid publishing this draft here; empty when it can be sent. */
    public List<DraftProblem> check(PostDraft draft) {
        List<DraftProblem> problems = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text();
        int length = counter.count(text);
        if (text.isBlank() && draft.images().isEmpty()) {
            problems.add(new DraftProblem("draft.empty", "text"));
        }
        if (length > maxTextLength) {
            problems.add(new DraftProblem("draft.textTooLong", "text", length - maxTextLength, maxTextLength));
        }
        if (draft.images().size() > maxImages) {
            problems.add(new DraftProblem("draft.tooManyImages", "images", draft.images().size(), maxImages));
        }
        for (int i = 0; i < draft.images().size(); i++) {
            ImageAttachment image = draft.images().get(i);
            String field = "images[" + i + "]";
            if (!imageTypes.contains(image.mediaType())) {
                problems.add(new DraftProblem("draft.imageType", field, i + 1, image.mediaType()));
            }
            if (image.size() > maxImageBytes) {
                problems.add(new DraftProblem("draft.imageTooLarge", field, i + 1, image.size() / 1024,
                        maxImageBytes / 1024));
            }
            if (image.altText() == null || image.altText().isBlank()) {
                problems.add(new DraftProblem("draft.altTextMissing", field, i + 1));
            } else if (image.altText().length() > maxAltTextLength) {
                problems.add(new DraftProblem("draft.altTextTooLong", field, i + 1, maxAltTextLength));
            }
        }
        if (draft.link() != null && !links) {
            problems.add(new DraftProblem("draft.linksUnsupported", "link"));
        }
        if (draft.replyTo() != null && !replies) {
            problems.add(new DraftProblem("draft.repliesUnsupported", "replyTo"));
        }
        return problems;
    }
}

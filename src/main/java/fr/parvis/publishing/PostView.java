package fr.parvis.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post with its variants, as the composer, the calendar and the API show it. */
public record PostView(UUID id, String title, String body, String link, String utmCampaign, boolean boosted,
        PostStatus status, Instant scheduledAt, int approvalLevels, int approvalsGiven, String origin,
        String authorName, UUID authorId, Instant createdAt, Instant updatedAt, boolean pausedByCrisis,
        String approvalBypass, List<VariantView> variants) {

    public PostView {
        variants = List.copyOf(variants);
    }

    /** A short label for lists: the title, else the start of the message. */
    public String label() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}

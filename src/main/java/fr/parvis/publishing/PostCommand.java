package fr.parvis.publishing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as written in the composer or sent to the API: one message, and a variant per selected
 * account (its own text, or {@code null} to use the message).
 *
 * @param utmCampaign when set, the link gets {@code utm_source} (the network), {@code utm_medium=social}
 *     and {@code utm_campaign}
 * @param boosted a paid boost or sponsored post (refused during a pre-election reserve period)
 * @param scheduledAt when to publish; {@code null} to decide later
 */
public record PostCommand(@Size(max = 120) String title, @Size(max = 10000) String body,
        @Size(max = 2048) String link, @Size(max = 100) String utmCampaign, boolean boosted, Instant scheduledAt,
        @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull VariantCommand> variants) {

    public PostCommand {
        variants = variants == null ? null : List.copyOf(variants);
    }

    /**
     * The variant of one account.
     *
     * @param text the variant's own text, or {@code null} (or blank) for the message
     * @param firstComment a first comment (or the next post of a thread) where the network allows replies
     * @param mediaIds media of the library, in order
     */
    public record VariantCommand(@NotNull UUID accountId, @Size(max = 10000) String text,
            @Size(max = 10000) String firstComment, @Size(max = 4) List<@NotNull UUID> mediaIds) {

        public VariantCommand {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        }
    }
}

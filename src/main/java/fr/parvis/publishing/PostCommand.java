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

    /** The most parts a thread may have after its post. */
    public static final int MAX_THREAD_PARTS = 25;

    /**
     * The variant of one account.
     *
     * @param text the variant's own text, or {@code null} (or blank) for the message
     * @param firstComment a first comment, published as a reply, where the network allows replies (on
     *     networks with threads, the same as a thread of one part; a variant has one or the other)
     * @param mediaIds media of the library, in order
     * @param thread the parts published after the post, each answering the previous one, where the
     *     network has threads (at most {@value PostCommand#MAX_THREAD_PARTS})
     */
    public record VariantCommand(@NotNull UUID accountId, @Size(max = 10000) String text,
            @Size(max = 10000) String firstComment, @Size(max = 4) List<@NotNull UUID> mediaIds,
            @Size(max = MAX_THREAD_PARTS) List<@Valid @NotNull ThreadPartCommand> thread) {

        public VariantCommand {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
            thread = thread == null ? List.of() : List.copyOf(thread);
        }

        /** A variant without a thread. */
        public VariantCommand(UUID accountId, String text, String firstComment, List<UUID> mediaIds) {
            this(accountId, text, firstComment, mediaIds, List.of());
        }
    }

    /**
     * One part of a thread: its text (counted as the network counts) and its media of the library.
     */
    public record ThreadPartCommand(@Size(max = 10000) String text, @Size(max = 4) List<@NotNull UUID> mediaIds) {

        public ThreadPartCommand {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        }
    }
}

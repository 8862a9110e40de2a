package fr.parvis.channels;

import fr.parvis.channels.spi.InteractionType;
import java.time.Instant;

/**
 * An interaction of the Sandbox audience, as the simulated network stores it.
 *
 * @param externalId its id on the Sandbox (what Parvis will read)
 * @param postExternalId the post it concerns, if any
 * @param parentExternalId the comment it answers (replies), or the post (comments, reactions, shares)
 */
public record SandboxInteractionView(String externalId, InteractionType type, String postExternalId,
        String parentExternalId, String authorHandle, String authorName, String text, Instant occurredAt) {
}

package fr.parvis.channels.spi;

import java.net.URI;
import java.time.Instant;

/**
 * An inbound interaction: comment, reply, mention, message, reaction or share.
 *
 * @param externalId the network's id of the interaction (unique for the account)
 * @param postExternalId the network id of our post it concerns, if any
 * @param parentExternalId the post or comment it answers, if any
 * @param text its text ({@code null} for reactions and shares)
 * @param raw the payload as received, kept as evidence (JSON or the network's text form)
 */
public record Interaction(String externalId, InteractionType type, String postExternalId, String parentExternalId,
        Author author, String text, Instant createdAt, URI url, String raw) {
}

package fr.parvis.channels.spi;

import java.net.URI;

/**
 * What a network says of an account.
 *
 * @param externalId the network's stable id of the account
 * @param followers followers count, or {@code null} when the network does not say
 */
public record AccountInfo(String externalId, String handle, String displayName, URI avatarUrl, URI profileUrl,
        Long followers) {
}

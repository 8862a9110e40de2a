package fr.parvis.channels.spi;

import java.net.URI;
import java.util.UUID;

/**
 * The connected account a connector acts for.
 *
 * @param accountId Parvis's id of the social account
 * @param externalId the network's id of the account (Bluesky DID, Mastodon account id…)
 * @param handle the public handle
 * @param baseUrl the server of the account (Mastodon instance, Bluesky PDS), if the network has several
 * @param credentials the decrypted secrets
 */
public record AccountContext(UUID accountId, String externalId, String handle, URI baseUrl, Credentials credentials) {
}

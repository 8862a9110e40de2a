package fr.parvis.channels.spi;

import java.net.URI;
import java.time.Instant;

/**
 * A post as it exists on the network.
 *
 * @param externalId the network's id (Bluesky at:// URI, Mastodon status id…)
 * @param url its public address, if it has one
 */
public record PublishedPost(String externalId, URI url, String text, Instant publishedAt) {
}

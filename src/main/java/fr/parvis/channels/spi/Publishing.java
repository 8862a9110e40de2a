package fr.parvis.channels.spi;

import java.time.Instant;
import java.util.Optional;

/** Publishing posts (text, images with alt text, links, replies) and deleting our own. */
public interface Publishing {

    /**
     * Publishes a draft that passed {@link NetworkProfile#check}. Not retried by Parvis: a timeout
     * is reported as {@link ConnectorException.Kind#OUTCOME_UNKNOWN}.
     */
    PublishedPost publish(AccountContext account, PostDraft draft);

    /** Reads one of our posts back; empty if it no longer exists. */
    Optional<PublishedPost> read(AccountContext account, String postExternalId);

    /**
     * Finds the publication of {@code draft} made after {@code since}, by its idempotency key where
     * the network keeps one. The default cannot tell: callers then compare the account's timeline.
     */
    default PublishLookup lookup(AccountContext account, PostDraft draft, Instant since) {
        return new PublishLookup.Unknown("no lookup by idempotency key");
    }

    /** Deletes one of our posts. Deleting a post that no longer exists is not an error. */
    void delete(AccountContext account, String postExternalId);
}

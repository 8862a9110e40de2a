package fr.parvis.publishing;

import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** A network refused a post (or the account cannot publish). */
public record PublicationFailed(CollectiviteId collectivite, UUID postId, UUID variantId, String reasonKey)
        implements PostEvents {
}

package fr.parvis.publishing;

import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** Reading back could not tell whether a post went out: a person decides. */
public record PublicationOutcomeUnknown(CollectiviteId collectivite, UUID postId, UUID variantId)
        implements PostEvents {
}

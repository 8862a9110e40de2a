package fr.parvis.publishing;

import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** A post entered the approval circuit, waiting at {@code level}. */
public record PostSubmitted(CollectiviteId collectivite, UUID postId, int level) implements PostEvents {
}

package fr.parvis.publishing;

import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** An approver sent a post back to its author. */
public record PostChangesRequested(CollectiviteId collectivite, UUID postId) implements PostEvents {
}

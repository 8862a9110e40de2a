package fr.parvis.publishing;

import fr.parvis.shared.CollectiviteId;
import java.util.UUID;

/** One level of the circuit approved a post; {@code complete} when no level is left. */
public record PostApproved(CollectiviteId collectivite, UUID postId, int level, boolean complete)
        implements PostEvents {
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A collectivité was created (by set-up, the demo, or as a member of the current one). */
public record CollectiviteCreated(CollectiviteId collectiviteId, CollectiviteId parentId, String name, CollectiviteType type, fr.parvis.territory.access.ActorSnapshot actor) {
}

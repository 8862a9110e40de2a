package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** The settings of a collectivité changed; {@code changedFields} lists them. */
public record CollectiviteUpdated(CollectiviteId collectiviteId, String name, String changedFields) {
}

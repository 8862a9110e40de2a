package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** The logo of a collectivité was replaced or removed. */
public record CollectiviteLogoChanged(CollectiviteId collectiviteId, boolean removed) {
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A municipal service was deactivated or reactivated. */
public record MunicipalServiceActivationChanged(CollectiviteId collectiviteId, java.util.UUID serviceId, String name, boolean active) {
}

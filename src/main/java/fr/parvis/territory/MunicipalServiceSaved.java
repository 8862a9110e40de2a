package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A municipal service was created or edited. */
public record MunicipalServiceSaved(CollectiviteId collectiviteId, java.util.UUID serviceId, String name, boolean created) {
}

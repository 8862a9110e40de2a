package fr.parvis.territory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A collectivité to create: its type, then the same settings as when editing it. */
public record NewCollectivite(@NotNull CollectiviteType type, @NotNull @Valid CollectiviteSettings settings) {
}

package fr.parvis.territory;

import jakarta.validation.constraints.NotNull;

/** A delegation to grant to the EPCI of the current commune, up to {@code role}. */
public record NewDelegation(@NotNull Role role) {
}

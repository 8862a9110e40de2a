package fr.parvis.territory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A personal access token to create for the current agent in the current collectivité.
 *
 * @param role at most the agent's own role
 * @param validityDays 1 to 365 days
 */
public record NewApiToken(@NotBlank @Size(max = 80) String name, @NotNull Role role,
        @NotNull @Min(1) @Max(365) Integer validityDays) {
}

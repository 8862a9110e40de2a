package fr.parvis.territory.api;

import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A personal access token to create for the caller in the current collectivité. */
@Schema(name = "TokenCreation", description = "Jeton à créer pour l'appelant dans la collectivité courante")
record TokenCreateRequest(
        @NotBlank @Size(max = 80) String name,
        @Schema(description = "Au plus le rôle de l'appelant") @NotNull Role role,
        @Schema(description = "Durée de validité en jours, de 1 à 365")
        @NotNull @Min(1) @Max(365) Integer validityDays) {

    NewApiToken toNewApiToken() {
        return new NewApiToken(name, role, validityDays);
    }
}

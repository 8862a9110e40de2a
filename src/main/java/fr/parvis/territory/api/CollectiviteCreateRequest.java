package fr.parvis.territory.api;

import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.NewCollectivite;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A collectivité to create, attached to the current one (a member commune of an EPCI…). */
@Schema(name = "CollectiviteCreation", description = "Collectivité à créer, rattachée à la collectivité courante")
record CollectiviteCreateRequest(
        @NotNull CollectiviteType type,
        @NotBlank @Size(max = 150) String name,
        @Schema(description = "Déduit du nom s'il est absent") @Size(max = 64) String slug,
        @Schema(description = "Code INSEE (commune : 5 caractères, 2A/2B pour la Corse) ou SIREN (9 chiffres)")
        @NotBlank @Size(max = 12) String officialCode,
        @Size(max = 12) String siren,
        @Schema(description = "Obligatoire pour une commune") @PositiveOrZero @Max(100_000_000) Integer population,
        @Size(max = 7) String primaryColor,
        @Size(max = 40) String timeZone) {

    NewCollectivite toNewCollectivite() {
        return new NewCollectivite(type,
                new CollectiviteSettings(name, slug, officialCode, siren, population, null, primaryColor, timeZone));
    }
}

package fr.parvis.territory.api;

import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Changes to a collectivité's settings. A missing (or {@code null}) field keeps its value; an
 * empty string clears an optional one (slug: recomputed from the name).
 */
@Schema(name = "CollectivitePatch", description = "Modification partielle : un champ absent garde sa valeur ; "
        + "une chaîne vide efface un champ facultatif (le slug est alors recalculé depuis le nom).")
record CollectivitePatchRequest(
        @Size(max = 150) String name,
        @Size(max = 64) String slug,
        @Size(max = 12) String officialCode,
        @Size(max = 12) String siren,
        @PositiveOrZero @Max(100_000_000) Integer population,
        @Schema(description = "Code officiel de la collectivité de rattachement (SIREN de l'EPCI d'une commune…)")
        @Size(max = 12) String parentCode,
        @Size(max = 7) String primaryColor,
        @Size(max = 40) String timeZone) {

    /** The complete settings: these changes applied to the current ones. */
    CollectiviteSettings applyTo(CollectiviteView current) {
        return new CollectiviteSettings(
                name == null ? current.name() : name,
                slug == null ? current.slug() : slug,
                officialCode == null ? current.officialCode() : officialCode,
                siren == null ? current.siren() : siren,
                population == null ? current.population() : population,
                parentCode == null ? current.parentOfficialCode() : parentCode,
                primaryColor == null ? current.primaryColor() : primaryColor,
                timeZone == null ? current.timeZone() : timeZone);
    }
}

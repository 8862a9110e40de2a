package fr.parvis.territory.api;

import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.ServiceDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Changes to a municipal service: a missing field keeps its value, an empty string clears it. */
@Schema(name = "ServicePatch", description = "Modification partielle : un champ absent garde sa valeur ; une chaîne "
        + "vide efface la description ou l'adresse. active=false désactive le service (il n'est jamais supprimé).")
record ServicePatchRequest(
        @Size(max = 120) String name,
        @Size(max = 500) String description,
        @Email @Size(max = 254) String contactEmail,
        Boolean active) {

    boolean changesDetails() {
        return name != null || description != null || contactEmail != null;
    }

    ServiceDraft applyTo(MunicipalServiceView current) {
        return new ServiceDraft(name == null ? current.name() : name,
                description == null ? current.description() : description,
                contactEmail == null ? current.contactEmail() : contactEmail);
    }
}

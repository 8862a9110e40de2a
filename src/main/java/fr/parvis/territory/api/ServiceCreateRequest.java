package fr.parvis.territory.api;

import fr.parvis.territory.ServiceDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A municipal service to create (active). */
@Schema(name = "ServiceCreation", description = "Service municipal à créer (actif)")
record ServiceCreateRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String description,
        @Email @Size(max = 254) String contactEmail) {

    ServiceDraft toDraft() {
        return new ServiceDraft(name, description, contactEmail);
    }
}

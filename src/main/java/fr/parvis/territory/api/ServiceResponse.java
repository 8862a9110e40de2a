package fr.parvis.territory.api;

import fr.parvis.territory.MunicipalServiceView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A municipal service. */
@Schema(name = "Service", description = "Un service municipal")
record ServiceResponse(UUID id, String name, String description, String contactEmail, boolean active,
        Instant createdAt, Instant updatedAt) {

    static ServiceResponse of(MunicipalServiceView view) {
        return new ServiceResponse(view.id(), view.name(), view.description(), view.contactEmail(), view.active(),
                view.createdAt(), view.updatedAt());
    }
}

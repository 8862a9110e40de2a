package fr.parvis.territory;

import java.time.Instant;
import java.util.UUID;

/** A municipal service of the current collectivité. */
public record MunicipalServiceView(UUID id, String name, String description, String contactEmail, boolean active,
        Instant createdAt, Instant updatedAt) {
}

package fr.parvis.territory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A municipal service as entered by a user. */
public record ServiceDraft(@NotBlank @Size(max = 120) String name, @Size(max = 500) String description,
        @Email @Size(max = 254) String contactEmail) {
}

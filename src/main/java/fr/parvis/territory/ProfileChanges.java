package fr.parvis.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user may change of their own profile. */
public record ProfileChanges(@NotBlank @Size(max = 120) String displayName, @NotBlank @Pattern(regexp = "fr|en") String locale) {
}

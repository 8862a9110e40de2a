package fr.parvis.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A password change by the account holder. */
public record PasswordChange(@NotBlank @Size(max = 256) String currentPassword,
        @NotBlank @Size(max = 256) String newPassword, @NotBlank @Size(max = 256) String confirmation) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}

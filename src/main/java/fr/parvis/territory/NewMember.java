package fr.parvis.territory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person to add to the current collectivité. If an account already exists for the e-mail
 * address (the person works for several collectivités), it is reused and the password is ignored;
 * otherwise {@code initialPassword} is required and must be changed at first login.
 */
public record NewMember(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @Size(max = 256) String initialPassword) {

    @Override
    public String toString() {
        return "NewMember[" + email + ", " + role + "]";
    }
}

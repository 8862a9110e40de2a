package fr.parvis.territory.api;

import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person to add to the current collectivité. */
@Schema(name = "MembershipCreation", description = "Personne à ajouter à la collectivité courante")
record MembershipCreateRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @Schema(description = "Mot de passe provisoire, obligatoire si aucun compte n'existe pour cette adresse "
                + "(12 caractères au moins, lettres et chiffres ou symboles) ; à changer à la première connexion",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 256) String initialPassword) {

    NewMember toNewMember() {
        return new NewMember(email, displayName, role, initialPassword);
    }

    @Override
    public String toString() {
        return "MembershipCreateRequest[" + email + ", " + role + "]";
    }
}

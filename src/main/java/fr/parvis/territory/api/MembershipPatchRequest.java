package fr.parvis.territory.api;

import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A new role for a member. */
@Schema(name = "MembershipPatch", description = "Nouveau rôle du membre")
record MembershipPatchRequest(@NotNull Role role) {
}

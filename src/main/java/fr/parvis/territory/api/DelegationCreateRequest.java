package fr.parvis.territory.api;

import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A delegation to grant to the EPCI of the current commune. */
@Schema(name = "DelegationCreation", description = "Délégation à accorder à l'EPCI de la commune courante")
record DelegationCreateRequest(
        @Schema(description = "Rôle maximal des membres de l'EPCI dans la commune : ADMIN, COMMUNICATION_DIRECTOR, "
                + "COMMUNITY_MANAGER ou READ_ONLY") @NotNull Role role) {

    NewDelegation toNewDelegation() {
        return new NewDelegation(role);
    }
}

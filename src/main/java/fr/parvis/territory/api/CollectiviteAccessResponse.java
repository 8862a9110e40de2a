package fr.parvis.territory.api;

import fr.parvis.territory.Role;
import fr.parvis.territory.access.Access;
import fr.parvis.territory.access.AccessVia;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A collectivité the caller may enter, with the role they would have there. */
@Schema(name = "CollectiviteAccess", description = "Une collectivité où l'appelant peut agir, avec son rôle")
record CollectiviteAccessResponse(
        UUID id,
        String name,
        Role role,
        AccessVia via,
        String viaCollectiviteName,
        @Schema(description = "Vrai pour la collectivité courante (celle du jeton, ou celle choisie dans la session)")
        boolean current) {

    static CollectiviteAccessResponse of(Access access, boolean current) {
        return new CollectiviteAccessResponse(access.collectiviteId().value(), access.collectiviteName(), access.role(),
                access.via(), access.viaCollectiviteName(), current);
    }
}

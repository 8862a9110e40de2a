package fr.parvis.territory.api;

import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.AccessVia;
import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.ParvisAuthentication;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The caller: who they are, where they act, with which role, and how they authenticated. */
@Schema(name = "Me", description = "L'appelant : personne, collectivité courante, rôle et mode d'authentification")
record MeResponse(
        UUID userId,
        String email,
        String displayName,
        UUID collectiviteId,
        String collectiviteName,
        Role role,
        @Schema(description = "MEMBERSHIP (membre) ou DELEGATION (par délégation de la commune à son EPCI)")
        AccessVia via,
        @Schema(description = "L'EPCI par lequel l'appelant agit, en cas de délégation")
        String viaCollectiviteName,
        @Schema(description = "PASSWORD ou OIDC (session du navigateur), API_TOKEN (jeton d'accès personnel)")
        AuthChannel channel,
        UUID tokenId,
        String tokenName,
        List<Permission> permissions) {

    static MeResponse of(ParvisAuthentication agent) {
        return new MeResponse(agent.userId().value(), agent.getPrincipal().email(), agent.getPrincipal().displayName(),
                agent.currentCollectivite().value(), agent.collectiviteName(), agent.role(), agent.via(),
                agent.viaCollectiviteName(), agent.channel(), agent.tokenId().orElse(null),
                agent.tokenName().orElse(null), agent.role().permissions().stream().sorted().toList());
    }
}

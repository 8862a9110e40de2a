package fr.parvis.territory.api;

import fr.parvis.territory.access.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller of the API. */
@RestController
@Tag(name = ApiTags.ME)
class MeApiController {

    @GetMapping("/api/v1/me")
    @Operation(operationId = "getMe", summary = "L'appelant",
            description = "Personne authentifiée, collectivité courante, rôle, "
                    + "accès direct ou par délégation, et nom du jeton utilisé le cas échéant.")
    MeResponse me() {
        return MeResponse.of(Actors.requireAgent());
    }
}

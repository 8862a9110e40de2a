package fr.parvis.territory.api;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.Ids;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.ParvisAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Collectivités: those the caller may enter, the current one and its settings, and the ones
 * attached to it. Only the current collectivité can be read or changed: any other id is "not
 * found" (the service decides).
 */
@RestController
@RequestMapping("/api/v1/collectivites")
@Tag(name = ApiTags.COLLECTIVITES)
class CollectivitesApiController {

    private final CollectiviteManagement collectivites;
    private final AccessManagement access;

    CollectivitesApiController(CollectiviteManagement collectivites, AccessManagement access) {
        this.collectivites = collectivites;
        this.access = access;
    }

    @GetMapping
    @Operation(operationId = "listCollectivites", summary = "Collectivités accessibles",
            description = "Avec un jeton : la seule collectivité du jeton. "
                    + "Avec la session : toutes celles où l'appelant peut agir (adhésions et délégations).")
    List<CollectiviteAccessResponse> accessible() {
        ParvisAuthentication agent = Actors.requireAgent();
        if (agent.channel() == AuthChannel.API_TOKEN) {
            return List.of(CollectiviteAccessResponse.of(agent.access(), true));
        }
        CollectiviteId current = agent.currentCollectivite();
        return access.accessible(agent.userId()).stream()
                .map(a -> CollectiviteAccessResponse.of(a, a.collectiviteId().equals(current)))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCollectivite", summary = "Une collectivité",
            description = "Seule la collectivité courante est visible.")
    CollectiviteResponse get(@PathVariable String id) {
        return CollectiviteResponse.of(collectivites.get(collectiviteId(id)));
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.OK) // documents the 200 next to the declared 409
    @ApiResponse(responseCode = "409", description = "Slug ou code officiel déjà pris")
    @Operation(operationId = "updateCollectivite", summary = "Modifier les réglages",
            description = "Modification partielle : les champs absents gardent "
                    + "leur valeur, une chaîne vide efface un champ facultatif.")
    CollectiviteResponse update(@PathVariable String id, @Valid @RequestBody CollectivitePatchRequest patch) {
        CollectiviteId collectiviteId = collectiviteId(id);
        CollectiviteView current = collectivites.get(collectiviteId);
        return CollectiviteResponse.of(collectivites.update(collectiviteId, patch.applyTo(current)));
    }

    @GetMapping("/{id}/attached")
    @Operation(operationId = "listAttachedCollectivites", summary = "Collectivités rattachées",
            description = "Les collectivités rattachées à la collectivité "
                    + "courante (les communes membres d'un EPCI…).")
    List<CollectiviteResponse> attached(@PathVariable String id) {
        collectivites.get(collectiviteId(id));
        return collectivites.attached().stream().map(CollectiviteResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "Slug ou code officiel déjà pris")
    @Operation(operationId = "createCollectivite", summary = "Créer une collectivité rattachée",
            description = "Crée une collectivité rattachée à la "
                    + "collectivité courante ; l'appelant en devient administrateur.")
    ResponseEntity<CollectiviteResponse> create(@Valid @RequestBody CollectiviteCreateRequest request) {
        CollectiviteView created = collectivites.createAttached(request.toNewCollectivite());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .body(CollectiviteResponse.of(created));
    }

    private static CollectiviteId collectiviteId(String id) {
        return CollectiviteId.of(Ids.parse(id));
    }
}

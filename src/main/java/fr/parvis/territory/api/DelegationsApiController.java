package fr.parvis.territory.api;

import fr.parvis.shared.Ids;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Delegations: a commune lets its EPCI act for it (granted and revoked here); an EPCI reads the
 * delegations it received.
 */
@RestController
@RequestMapping("/api/v1/delegations")
@Tag(name = ApiTags.DELEGATIONS)
class DelegationsApiController {

    private final DelegationManagement delegations;

    DelegationsApiController(DelegationManagement delegations) {
        this.delegations = delegations;
    }

    @GetMapping
    @Operation(operationId = "listDelegations", summary = "Délégations accordées",
            description = "Les délégations accordées par la collectivité "
                    + "courante, actives et passées.")
    List<DelegationResponse> given() {
        return delegations.given().stream().map(DelegationResponse::of).toList();
    }

    @GetMapping("/received")
    @Operation(operationId = "listReceivedDelegations", summary = "Délégations reçues",
            description = "Les délégations actives reçues par la collectivité "
                    + "courante (un EPCI) de ses communes membres.")
    List<DelegationResponse> received() {
        return delegations.received().stream().map(DelegationResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDelegation", summary = "Une délégation accordée")
    DelegationResponse get(@PathVariable String id) {
        UUID delegationId = Ids.parse(id);
        return delegations.given().stream()
                .filter(d -> d.id().equals(delegationId))
                .findFirst()
                .map(DelegationResponse::of)
                .orElseThrow(() -> new NotFoundException("delegation.notFound"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "Une délégation est déjà active")
    @Operation(operationId = "createDelegation", summary = "Déléguer à l'EPCI",
            description = "La commune courante délègue à l'EPCI auquel elle est "
                    + "rattachée, jusqu'au rôle donné.")
    ResponseEntity<DelegationResponse> grant(@Valid @RequestBody DelegationCreateRequest request) {
        DelegationView granted = delegations.grant(request.toNewDelegation());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(granted.id()).toUri())
                .body(DelegationResponse.of(granted));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeDelegation", summary = "Révoquer une délégation",
            description = "La délégation reste listée, avec sa date de "
                    + "révocation.")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        delegations.revoke(Ids.parse(id));
        return ResponseEntity.noContent().build();
    }
}

package fr.parvis.territory.api;

import fr.parvis.shared.Ids;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.MunicipalServiceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
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

/** Municipal services of the current collectivité (deactivated, never deleted). */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = ApiTags.SERVICES)
class ServicesApiController {

    private final MunicipalServiceManagement services;

    ServicesApiController(MunicipalServiceManagement services) {
        this.services = services;
    }

    @GetMapping
    @Operation(operationId = "listServices", summary = "Services municipaux",
            description = "Les services actifs d'abord, puis les inactifs, "
                    + "chacun par nom.")
    List<ServiceResponse> list() {
        return services.list().stream().map(ServiceResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "Un service porte déjà ce nom")
    @Operation(operationId = "createService", summary = "Créer un service")
    ResponseEntity<ServiceResponse> create(@Valid @RequestBody ServiceCreateRequest request) {
        MunicipalServiceView created = services.create(request.toDraft());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id()).toUri())
                .body(ServiceResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getService", summary = "Un service")
    ServiceResponse get(@PathVariable String id) {
        return ServiceResponse.of(services.get(Ids.parse(id)));
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.OK) // documents the 200 next to the declared 409
    @ApiResponse(responseCode = "409", description = "Un service porte déjà ce nom")
    @Operation(operationId = "updateService", summary = "Modifier un service",
            description = "Modification partielle : nom, description, adresse, "
                    + "activation.")
    ServiceResponse update(@PathVariable String id, @Valid @RequestBody ServicePatchRequest patch) {
        UUID serviceId = Ids.parse(id);
        MunicipalServiceView service = services.get(serviceId);
        return ServiceResponse.of(services.change(serviceId, patch.changesDetails() ? patch.applyTo(service) : null,
                patch.active()));
    }
}

package fr.parvis.publishing.api;

import fr.parvis.publishing.PostView;
import fr.parvis.publishing.crisis.AlertCommand;
import fr.parvis.publishing.crisis.CrisisManagement;
import fr.parvis.publishing.crisis.CrisisStarted;
import fr.parvis.publishing.crisis.CrisisStatus;
import fr.parvis.publishing.crisis.CrisisView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Crisis mode of the current collectivité and its alerts. */
@RestController
@Validated
@RequestMapping("/api/v1/crisis")
@Tag(name = "Mode crise")
class CrisisApiController {

    private final CrisisManagement crisis;

    CrisisApiController(CrisisManagement crisis) {
        this.crisis = crisis;
    }

    /** Starting crisis mode. */
    @Schema(name = "CrisisStart", description = "Motif (3 à 500 caractères) et, pour un EPCI, extension aux "
            + "communes qui lui ont délégué leur communication")
    record Start(@NotBlank @Size(max = 500) String reason, Boolean includeMembers) {
    }

    /** Publishing an alert. */
    @Schema(name = "CrisisAlert", description = "Modèle (canicule, inondation, coupure_eau, alerte_meteo, "
            + "confinement), valeurs des champs (commune, date, heure, details, numero_info) et comptes")
    record Alert(@NotBlank @Size(max = 40) String templateCode, @Size(max = 10) Map<String, @Size(max = 300) String> values,
            @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> accountIds) {
    }

    @GetMapping
    @Operation(operationId = "getCrisis", summary = "État du mode crise",
            description = "La crise active (ou null), le nombre de publications suspendues et les dernières périodes.")
    CrisisStatus status() {
        return crisis.status();
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "Le mode crise est déjà actif")
    @Operation(operationId = "startCrisis", summary = "Activer le mode crise",
            description = "Suspend toutes les publications programmées (les programmations natives sont annulées "
                    + "sur les réseaux). Tant que dure la crise, programmer une publication ordinaire est refusé "
                    + "(409) ; les alertes partent. Réservé à la direction de la communication et aux administrateurs.")
    CrisisStarted start(@Valid @RequestBody Start request) {
        return crisis.start(request.reason(), Boolean.TRUE.equals(request.includeMembers()));
    }

    @PostMapping("/end")
    @ResponseStatus(HttpStatus.OK)
    @ApiResponse(responseCode = "200", description = "La période de crise, terminée", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Le mode crise n'est pas actif")
    @Operation(operationId = "endCrisis", summary = "Quitter le mode crise",
            description = "Les publications restent suspendues jusqu'à ce qu'on les reprenne, reprogramme ou annule.")
    CrisisView end() {
        return crisis.end();
    }

    @PostMapping("/alerts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "publishCrisisAlert", summary = "Publier une alerte",
            description = "Publie tout de suite un modèle d'alerte pré-approuvé sur les comptes choisis, en "
                    + "contournant le circuit de validation (décision BYPASSED dans l'historique, entrée d'audit). "
                    + "Avec ou sans mode crise.")
    PostView alert(@Valid @RequestBody Alert request) {
        return crisis.publishAlert(new AlertCommand(request.templateCode(), request.values(), request.accountIds()));
    }
}

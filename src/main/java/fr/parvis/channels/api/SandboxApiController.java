package fr.parvis.channels.api;

import fr.parvis.channels.SandboxInteractionView;
import fr.parvis.channels.SandboxManagement;
import fr.parvis.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audience of the Sandbox (simulated network): speaking as a citizen to a Sandbox account of
 * the collectivité, for demonstrations and training. The interaction is stored on the simulated
 * network; Parvis reads it at the next synchronisation, like on a real network.
 */
@RestController
@Validated
@RequestMapping("/api/v1/sandbox")
@Tag(name = "Comptes sociaux")
class SandboxApiController {

    private final SandboxManagement sandbox;

    SandboxApiController(SandboxManagement sandbox) {
        this.sandbox = sandbox;
    }

    /** An interaction of the audience. */
    @Schema(name = "SandboxAudienceInteraction", description = "Une interaction de l'audience simulée")
    record AudienceRequest(
            @Schema(description = "COMMENT, REPLY, MENTION, DIRECT_MESSAGE, REACTION ou SHARE",
                    example = "COMMENT") @NotBlank @Size(max = 40) String type,
            @Schema(description = "Identifiant Sandbox de la publication visée (obligatoire pour COMMENT, REPLY, "
                    + "REACTION et SHARE)", example = "p12") @Size(max = 40) String postExternalId,
            @Schema(description = "Pour REPLY : le commentaire auquel on répond") @Size(max = 40)
            String parentExternalId,
            @Schema(description = "Identifiant de l'auteur", example = "camille.martin") @NotBlank @Size(max = 60)
            String authorHandle,
            @Schema(description = "Nom affiché de l'auteur", example = "Camille Martin") @Size(max = 200)
            String authorName,
            @Schema(description = "Texte (au plus 2 000 caractères ; absent pour REACTION et SHARE)",
                    example = "Le lampadaire de la rue des Lilas est en panne depuis 3 jours.") @Size(max = 4000)
            String text) {
    }

    @PostMapping("/accounts/{accountId}/interactions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSandboxInteraction", summary = "Faire réagir l'audience d'un compte Sandbox",
            description = "Commentaire, réponse, mention, message privé, réaction ou partage d'un habitant fictif. "
                    + "Parvis le lit à la prochaine synchronisation du compte.")
    ResponseEntity<SandboxInteractionView> interact(@PathVariable String accountId,
            @Valid @RequestBody AudienceRequest request) {
        SandboxInteractionView created = sandbox.interact(Ids.parse(accountId),
                new SandboxManagement.AudienceInteraction(request.type(), request.postExternalId(),
                        request.parentExternalId(), request.authorHandle(), request.authorName(), request.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }
}

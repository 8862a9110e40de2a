package fr.parvis.compliance.api;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of the current collectivité, read-only (administrators). Parameters are checked
 * here (their bounds are declared on the method, so Spring MVC validates them); the search itself
 * and the permission check belong to {@link AuditTrail}.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = AuditApiController.TAG)
class AuditApiController {

    static final String TAG = "Journal d'audit";

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(operationId = "searchAudit", summary = "Rechercher dans le journal",
            description = "Tous les critères sont facultatifs ; les dates "
                    + "sont des jours (AAAA-MM-JJ) dans le fuseau de la collectivité, bornes comprises.")
    AuditPageResponse search(
            @Parameter(description = "Code de l'action, par exemple member.added")
            @RequestParam(name = "action", required = false) @Size(max = 60) String action,
            @Parameter(description = "Identifiant de la personne qui a agi")
            @RequestParam(name = "actor", required = false) UUID actor,
            @Parameter(description = "Texte cherché dans l'acteur, l'objet, les détails et l'adresse")
            @RequestParam(name = "text", required = false) @Size(max = 100) String text,
            @Parameter(description = "Premier jour (AAAA-MM-JJ)")
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "Dernier jour (AAAA-MM-JJ)")
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,
            @Parameter(description = "Numéro de page, à partir de 0")
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Entrées par page, de 1 à 200")
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("api.audit.range", "to");
        }
        return AuditPageResponse.of(trail.search(new AuditQuery(action, actor, text, from, to, page, size)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAuditEntry", summary = "Une entrée du journal")
    AuditEntryResponse get(@PathVariable String id) {
        return AuditEntryResponse.of(trail.get(Ids.parse(id)));
    }
}

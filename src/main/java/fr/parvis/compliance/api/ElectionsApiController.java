package fr.parvis.compliance.api;

import fr.parvis.compliance.ElectionCalendar;
import fr.parvis.compliance.ElectionChange;
import fr.parvis.compliance.ElectionDraft;
import fr.parvis.compliance.ElectionManagement;
import fr.parvis.compliance.ElectionView;
import fr.parvis.shared.Ids;
import fr.parvis.shared.tenancy.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The election calendar of the current collectivité and its reserve situation. */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = ElectionsApiController.TAG, description = "Le calendrier électoral de la collectivité (élections "
        + "générales livrées avec Parvis, élections partielles ajoutées), la période de réserve (L52-1) et le gel de "
        + "la veille du scrutin (L49).")
class ElectionsApiController {

    static final String TAG = "Élections";

    private final ElectionManagement elections;
    private final ElectionCalendar calendar;
    private final Clock clock;

    ElectionsApiController(ElectionManagement elections, ElectionCalendar calendar, Clock clock) {
        this.elections = elections;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listElections", summary = "Élections qui concernent la collectivité",
            description = "Élections générales livrées avec Parvis (selon le type de collectivité) et élections propres "
                    + "à la collectivité, masquées comprises, avec la période de réserve (L52-1 : du 1er jour du 6e mois "
                    + "précédant le premier tour à la fin du tour décisif) et le gel de la veille de chaque tour (L49 : "
                    + "de 0 h la veille à 20 h le jour du scrutin), heure de Paris.")
    List<ElectionView> list() {
        return elections.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createElection", summary = "Ajouter une élection partielle ou ad hoc",
            description = "Elle ne concerne que la collectivité. Un ou deux tours, dans l'ordre, à moins de 28 jours "
                    + "d'écart, le dernier ni passé ni à plus de 10 ans ; nom de 120 caractères au plus.")
    ResponseEntity<ElectionView> create(@Valid @RequestBody ElectionRequests.Create request) {
        ElectionView created = elections.create(new ElectionDraft(request.kind(), request.name(), request.rounds(),
                Boolean.TRUE.equals(request.tentative())));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateElection", summary = "Modifier, masquer ou réafficher une élection",
            description = "Sur une élection livrée avec Parvis, la modification ne vaut que pour la collectivité. "
                    + "Les dates d'une élection terminée ne changent plus (400).")
    ElectionView update(@PathVariable String id, @Valid @RequestBody ElectionRequests.Update request) {
        return elections.update(Ids.parse(id), new ElectionChange(request.kind(), request.name(), request.rounds(),
                request.tentative(), request.hidden()));
    }

    @GetMapping("/situation")
    @Operation(operationId = "getReserveSituation", summary = "Situation de la collectivité : réserve et gel",
            description = "À l'instant donné (ISO 8601, par défaut maintenant) : en période de réserve ou non, élections "
                    + "en cause, début et fin de la réserve, gel L49 en cours et prochain gel, période de référence "
                    + "(les 6 mois avant la réserve).")
    ElectionRequests.Situation situation(@Parameter(description = "Instant, par exemple 2027-04-10T12:00:00Z")
            @RequestParam(name = "at", required = false) Instant at) {
        return ElectionRequests.Situation.of(calendar.situation(Tenancy.require(), at == null ? clock.instant() : at));
    }
}

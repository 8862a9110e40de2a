package fr.parvis.compliance.api;

import fr.parvis.compliance.ElectionKind;
import fr.parvis.compliance.ElectionManagement;
import fr.parvis.compliance.ElectionView;
import fr.parvis.compliance.Interval;
import fr.parvis.compliance.ReserveSituation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/elections}. */
final class ElectionRequests {

    private ElectionRequests() {
    }

    @Schema(name = "ElectionCreation", description = "Une élection propre à la collectivité (partielle, ad hoc…) : "
            + "un ou deux tours (AAAA-MM-JJ, heure de Paris), dans l'ordre, à moins de 10 ans")
    record Create(@NotNull ElectionKind kind, @NotBlank @Size(max = ElectionManagement.MAX_NAME) String name,
            @NotNull @Size(max = 10) List<LocalDate> rounds, Boolean tentative) {
    }

    @Schema(name = "ElectionChange", description = "Modification : un champ absent garde sa valeur. Sur une élection "
            + "livrée avec Parvis, seuls les tours, « dates à confirmer » et le masquage changent (pour la "
            + "collectivité seulement). Pour noter qu'un premier tour a été décisif, envoyer ce seul tour.")
    record Update(ElectionKind kind, @Size(max = ElectionManagement.MAX_NAME) String name,
            @Size(max = 10) List<LocalDate> rounds, Boolean tentative, Boolean hidden) {
    }

    @Schema(name = "ReserveSituation", description = "Période de réserve (Code électoral L52-1) et gel de la veille "
            + "du scrutin (L49) pour la collectivité à un instant")
    record Situation(UUID collectiviteId, Instant at, boolean inReserve, List<ElectionView> elections,
            Instant reserveStart, Instant reserveEnd, LocalDate lastDay, boolean freeze, Interval currentFreeze,
            Interval nextFreeze, Interval baseline) {

        static Situation of(ReserveSituation s) {
            return new Situation(s.collectivite().value(), s.at(), s.inReserve(), s.elections(), s.reserveStart(),
                    s.reserveEnd(), s.lastDay(), s.freeze(), s.currentFreeze(), s.nextFreeze(),
                    s.baseline().orElse(null));
        }
    }
}

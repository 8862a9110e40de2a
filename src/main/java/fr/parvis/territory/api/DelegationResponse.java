package fr.parvis.territory.api;

import fr.parvis.territory.DelegationView;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A delegation from a commune to its EPCI. */
@Schema(name = "Delegation", description = "Délégation d'une commune à son EPCI, jusqu'à un rôle")
record DelegationResponse(
        UUID id,
        UUID communeId,
        String communeName,
        @Schema(description = "L'EPCI qui agit pour la commune") UUID delegateId,
        String delegateName,
        Role role,
        Instant grantedAt,
        Instant revokedAt,
        boolean active) {

    static DelegationResponse of(DelegationView view) {
        return new DelegationResponse(view.id(), view.communeId().value(), view.communeName(),
                view.delegateId().value(), view.delegateName(), view.role(), view.grantedAt(), view.revokedAt(),
                view.active());
    }
}

package fr.parvis.compliance;

import fr.parvis.compliance.domain.PlatformElection;
import fr.parvis.compliance.domain.PlatformElections;
import fr.parvis.shared.tenancy.CrossTenant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads the platform-wide elections shipped with Parvis (the same for every collectivité). */
@Component
@CrossTenant("Reads the platform-wide election calendar, reference data shared by every collectivité (read-only)")
class ShippedElections {

    private final PlatformElections elections;

    ShippedElections(PlatformElections elections) {
        this.elections = elections;
    }

    List<PlatformElection> all() {
        return elections.findAllByOrderByFirstRoundAsc();
    }

    Optional<PlatformElection> find(UUID id) {
        return elections.findById(id);
    }
}

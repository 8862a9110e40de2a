package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import java.time.Instant;
import java.util.UUID;

/**
 * A delegation from a commune to its EPCI.
 *
 * @param communeId the delegating commune
 * @param delegateId the EPCI acting for it
 */
public record DelegationView(UUID id, CollectiviteId communeId, String communeName, CollectiviteId delegateId,
        String delegateName, Role role, Instant grantedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A commune delegated to its EPCI (explicit, revocable). */
public record DelegationGranted(CollectiviteId collectiviteId, java.util.UUID delegationId, CollectiviteId delegateId, String delegateName, String communeName, Role role, fr.parvis.territory.access.ActorSnapshot actor) {
}

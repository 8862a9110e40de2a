package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/** A commune's delegation to its EPCI was revoked. */
public record DelegationRevoked(CollectiviteId collectiviteId, java.util.UUID delegationId, CollectiviteId delegateId, String delegateName, String communeName, fr.parvis.territory.access.ActorSnapshot actor) {
}

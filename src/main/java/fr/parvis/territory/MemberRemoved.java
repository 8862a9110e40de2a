package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** A user stopped being a member of a collectivité (their tokens there were revoked). */
public record MemberRemoved(CollectiviteId collectiviteId, java.util.UUID membershipId, UserId userId, String email, Role role) {
}

package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** A member's role changed. */
public record MemberRoleChanged(CollectiviteId collectiviteId, java.util.UUID membershipId, UserId userId, String email, Role previousRole, Role role) {
}

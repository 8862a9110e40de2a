package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** A user became a member of a collectivité (with a new or an existing account). */
public record MemberAdded(CollectiviteId collectiviteId, java.util.UUID membershipId, UserId userId, String email, Role role, boolean newAccount) {
}

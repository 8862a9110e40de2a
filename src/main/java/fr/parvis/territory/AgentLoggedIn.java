package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** An agent logged in (password or OpenID Connect) and landed in a collectivité. */
public record AgentLoggedIn(UserId userId, String email, CollectiviteId collectiviteId, String method) {
}

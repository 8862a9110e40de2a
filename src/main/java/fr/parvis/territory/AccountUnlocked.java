package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;

/** An administrator lifted the lock of an account after repeated failed logins. */
public record AccountUnlocked(CollectiviteId collectiviteId, UserId userId, String email) {
}

package fr.parvis.territory;

import fr.parvis.shared.UserId;

/** An account was locked after repeated failed logins. */
public record AccountLocked(UserId userId, String email, java.time.Instant until, String ipAddress) {
}

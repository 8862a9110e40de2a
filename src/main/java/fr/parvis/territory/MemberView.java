package fr.parvis.territory;

import fr.parvis.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member of the current collectivité.
 *
 * @param lockedUntil end of the lock after repeated failed logins; {@code null} when not locked
 * @param singleSignOn whether the account is linked to the OpenID Connect provider
 */
public record MemberView(UUID id, UserId userId, String email, String displayName, Role role, Instant since,
        Instant lastLoginAt, Instant lockedUntil, boolean mustChangePassword, boolean singleSignOn) {

    public boolean locked() {
        return lockedUntil != null;
    }
}

package fr.parvis.territory;

import fr.parvis.shared.UserId;
import java.time.Instant;

/** The current user's own account. */
public record AccountView(UserId userId, String email, String displayName, String locale, boolean hasPassword,
        boolean mustChangePassword, Instant passwordChangedAt, Instant lastLoginAt, boolean singleSignOn) {
}

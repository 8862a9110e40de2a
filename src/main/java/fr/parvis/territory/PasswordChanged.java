package fr.parvis.territory;

import fr.parvis.shared.UserId;

/** A user changed their password. */
public record PasswordChanged(UserId userId, String email) {
}

package fr.parvis.territory;

import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.Texts;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules (after ANSSI and CNIL guidance on password-only authentication): at least 12
 * characters, letters and at least one digit or symbol, not made of the user's name or e-mail,
 * not one of the most common passwords, not one repeated character.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "motdepasse", "motdepasse123", "motdepasse1234", "azertyuiop", "azertyuiop123", "azerty123456",
            "123456789012", "1234567890ab", "password1234", "password123!", "qwertyuiop12", "soleil123456",
            "bonjour12345", "marseille123", "doudou123456", "loulou123456", "chouchou1234", "azertyuiop1!",
            "changeme1234", "bienvenue123", "bienvenue2024", "bienvenue2025", "bienvenue2026", "mairie123456",
            "collectivite1", "parvis123456", "administrateur", "admin1234567", "jetaime12345", "iloveyou1234");

    private PasswordPolicy() {
    }

    /**
     * Checks a new password.
     *
     * @param field the form field to report errors on
     * @throws InvalidInputException naming the first rule broken
     */
    public static void check(String password, String email, String displayName, String field) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password.required", field);
        }
        if (password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password.tooShort", field, MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password.tooLong", field, MAX_LENGTH);
        }
        if (password.chars().distinct().count() <= 2) {
            throw new InvalidInputException("password.repetitive", field);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw new InvalidInputException("password.classes", field);
        }
        String folded = Texts.foldAccents(password);
        if (COMMON.contains(folded)) {
            throw new InvalidInputException("password.common", field);
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && folded.contains(local)) {
                throw new InvalidInputException("password.personal", field);
            }
        }
        if (displayName != null) {
            for (String part : Texts.foldAccents(displayName).split("[^a-z0-9]+")) {
                if (part.length() >= 4 && folded.contains(part)) {
                    throw new InvalidInputException("password.personal", field);
                }
            }
        }
    }
}

package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @CsvSource({
            "'', password.required",
            "court-1, password.tooShort",
            "aaaaaaaaaaaaaaaa, password.repetitive",
            "abababababababab, password.repetitive",
            "seulementdeslettres, password.classes",
            "123456789012345, password.classes",
            "motdepasse123, password.common",
            "Azertyuiop123, password.common",
            "jeanne.martin-2026, password.personal",
            "Dupontel-2026!x, password.personal"})
    void rejects(String password, String key) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "jeanne.martin@mairie.example", "Jeanne Dupontel", "pwd"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(key)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("pwd");
    }

    @Test
    void rejectsTooLong() {
        assertThatThrownBy(() -> PasswordPolicy.check("a1".repeat(65), null, null, "pwd"))
                .hasMessageContaining("password.tooLong");
    }

    @Test
    void acceptsAReasonablePassphrase() {
        assertThatCode(() -> PasswordPolicy.check("lampadaire-rue-des-lilas-3", "jeanne.martin@mairie.example",
                "Jeanne Martin", "pwd")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("demo-parvis-2026", "admin@ville-demo.example", "Claire Dubois", "pwd"))
                .doesNotThrowAnyException();
    }
}

package fr.parvis.compliance;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes to an election; a {@code null} field keeps its value. On a shipped election the kind and
 * name cannot change (they are ignored): the collectivité changes its dates or hides it for itself.
 */
public record ElectionChange(ElectionKind kind, @Size(max = ElectionManagement.MAX_NAME) String name,
        List<LocalDate> rounds, Boolean tentative, Boolean hidden) {
}

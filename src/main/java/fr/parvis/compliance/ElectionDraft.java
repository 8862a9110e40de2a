package fr.parvis.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An election a collectivité adds for itself (ad-hoc, partial…).
 *
 * @param rounds one or two dates, in order, the last not in the past and at most ten years ahead
 */
public record ElectionDraft(@NotNull ElectionKind kind, @NotBlank @Size(max = ElectionManagement.MAX_NAME) String name,
        List<LocalDate> rounds, boolean tentative) {
}

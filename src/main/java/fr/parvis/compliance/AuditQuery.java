package fr.parvis.compliance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A search in the audit trail. Every criterion is optional; dates are days in the collectivité's
 * time zone, both included.
 */
public record AuditQuery(@Size(max = 60) String action, UUID actorUserId, @Size(max = 100) String text,
        LocalDate from, LocalDate to, @Min(0) @Max(100_000) int page, @Min(1) @Max(200) int size) {

    public static AuditQuery firstPage() {
        return new AuditQuery(null, null, null, null, null, 0, 50);
    }
}

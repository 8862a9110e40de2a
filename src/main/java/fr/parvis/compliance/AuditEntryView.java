package fr.parvis.compliance;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param actorVia the EPCI through which the actor acted, when by delegation
 * @param channel {@code WEB}, {@code API} or {@code SYSTEM}
 * @param tokenName the API token used, if any
 */
public record AuditEntryView(UUID id, Instant occurredAt, UUID actorUserId, String actorLabel, String actorVia,
        String channel, String tokenName, String ipAddress, String action, String objectType, String objectId, String objectLabel, String details) {
}

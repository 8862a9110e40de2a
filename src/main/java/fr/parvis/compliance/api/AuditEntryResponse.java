package fr.parvis.compliance.api;

import fr.parvis.compliance.AuditEntryView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail. */
@Schema(name = "AuditEntry", description = "Une entrée du journal d'audit")
record AuditEntryResponse(
        UUID id,
        Instant occurredAt,
        @Schema(description = "Absent quand la plateforme a agi seule") UUID actorUserId,
        String actorLabel,
        @Schema(description = "L'EPCI par lequel l'acteur a agi, en cas de délégation") String actorVia,
        @Schema(description = "WEB, API ou SYSTEM") String channel,
        @Schema(description = "Le jeton d'API utilisé, le cas échéant") String tokenName,
        String ipAddress,
        String action,
        String objectType,
        String objectId,
        String objectLabel,
        String details) {

    static AuditEntryResponse of(AuditEntryView e) {
        return new AuditEntryResponse(e.id(), e.occurredAt(), e.actorUserId(), e.actorLabel(), e.actorVia(),
                e.channel(), e.tokenName(), e.ipAddress(), e.action(), e.objectType(), e.objectId(), e.objectLabel(),
                e.details());
    }
}

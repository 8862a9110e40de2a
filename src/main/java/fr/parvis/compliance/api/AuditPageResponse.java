package fr.parvis.compliance.api;

import fr.parvis.compliance.AuditPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the audit trail, most recent first. */
@Schema(name = "AuditPage", description = "Une page du journal d'audit, les plus récentes d'abord")
record AuditPageResponse(List<AuditEntryResponse> entries, int page, int size, long total, int totalPages) {

    static AuditPageResponse of(AuditPage page) {
        return new AuditPageResponse(page.entries().stream().map(AuditEntryResponse::of).toList(), page.page(),
                page.size(), page.total(), page.totalPages());
    }
}

-- The audit trail is append-only: the database itself refuses UPDATE and DELETE.
CREATE TRIGGER compliance_audit_entry_append_only BEFORE UPDATE, DELETE ON compliance_audit_entry
    FOR EACH ROW CALL 'fr.parvis.compliance.domain.AppendOnlyTrigger';

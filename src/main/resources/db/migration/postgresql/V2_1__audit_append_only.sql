-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION compliance_audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'compliance_audit_entry is append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER compliance_audit_entry_append_only
    BEFORE UPDATE OR DELETE ON compliance_audit_entry
    FOR EACH ROW EXECUTE FUNCTION compliance_audit_entry_append_only();

CREATE TRIGGER compliance_audit_entry_no_truncate
    BEFORE TRUNCATE ON compliance_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_audit_entry_append_only();

package fr.parvis.compliance.domain;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that makes the audit trail append-only, as the PL/pgSQL trigger does on PostgreSQL.
 * Referenced by the H2 migration {@code V2_1__audit_append_only.sql}.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("compliance_audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "42501");
    }
}

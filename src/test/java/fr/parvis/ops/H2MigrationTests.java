package fr.parvis.ops;

import static fr.parvis.ops.MigrationChecks.EXPECTED_TABLES;
import static fr.parvis.ops.MigrationChecks.appFlywayLocations;
import static fr.parvis.ops.MigrationChecks.assertRefused;
import static fr.parvis.ops.MigrationChecks.insertAuditEntry;
import static fr.parvis.ops.MigrationChecks.insertCollectivite;
import static fr.parvis.ops.MigrationChecks.intactAuditEntries;
import static fr.parvis.ops.MigrationChecks.migrationScripts;
import static fr.parvis.ops.MigrationChecks.tables;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded database, as {@link PostgresMigrationIntegrationTests} checks the production one: on
 * a fresh in-memory H2 database in the app's compatibility mode, the app's Flyway migrations (vendor
 * {@code h2}) all apply, the expected tables exist, and the audit trail refuses UPDATE and DELETE
 * (the Java trigger {@code fr.parvis.compliance.domain.AppendOnlyTrigger}). H2 triggers cannot fire
 * on TRUNCATE, so unlike on PostgreSQL a {@code TRUNCATE TABLE} is not refused here (the application
 * never issues one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2MigrationTests {

    String url;
    MigrateResult migration;

    @BeforeAll
    void migrateFreshDatabase() {
        url = "jdbc:h2:mem:parvis_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        migration = flyway().migrate();
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void everyMigrationAppliesOnAFreshDatabase() throws Exception {
        int scripts = migrationScripts("h2");
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isEqualTo(scripts);
        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).hasSize(scripts)
                .allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway().info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript))
                .contains("V2_1__audit_append_only.sql", "V3_1__event_publication.sql");
    }

    @Test
    void theTablesExist() throws SQLException {
        try (Connection connection = connection()) {
            assertThat(tables(connection, "public")).containsAll(EXPECTED_TABLES);
        }
    }

    @Test
    void theAuditTrailRefusesUpdateAndDelete() throws SQLException {
        try (Connection connection = connection()) {
            UUID entry = insertAuditEntry(connection, insertCollectivite(connection));
            assertThat(intactAuditEntries(connection, entry)).isEqualTo(1);

            assertRefused(connection, "UPDATE compliance_audit_entry SET action = 'tampered' WHERE id = '" + entry + "'",
                    "UPDATE");
            assertRefused(connection, "DELETE FROM compliance_audit_entry WHERE id = '" + entry + "'", "DELETE");
            // H2 has no TRUNCATE triggers: unlike PostgreSQL, TRUNCATE TABLE is not refused on H2.

            assertThat(intactAuditEntries(connection, entry)).isEqualTo(1);
        }
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(url, "sa", "").locations(appFlywayLocations("h2")).load();
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}

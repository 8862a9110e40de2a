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

import fr.parvis.ParvisApplication;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestDatabaseEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production database: on a throwaway PostgreSQL database created for this class on the server
 * of {@code PARVIS_TEST_POSTGRES_URL}, the app's Flyway migrations (vendor {@code postgresql}) all
 * apply, the expected tables exist, the audit trail refuses UPDATE, DELETE and TRUNCATE, and the
 * application starts with the {@code postgres} profile against it and reports itself ready.
 */
@RequiresPeer(Peer.POSTGRES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMigrationIntegrationTests {

    String serverUrl;
    String database;
    String databaseUrl;
    MigrateResult migration;

    @BeforeAll
    void createAndMigrateThrowawayDatabase() throws SQLException {
        serverUrl = Peer.postgresUrl();
        database = "parvis_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = server(); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        databaseUrl = withDatabase(serverUrl, database);
        migration = flyway().migrate();
    }

    @AfterAll
    void dropThrowawayDatabase() throws SQLException {
        if (database != null) {
            try (Connection server = server(); Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void everyMigrationAppliesOnAFreshDatabase() throws Exception {
        int scripts = migrationScripts("postgresql");
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isEqualTo(scripts);
        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).hasSize(scripts)
                .allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway().info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript))
                .as("the PostgreSQL variants, not the H2 ones")
                .contains("V2_1__audit_append_only.sql", "V3_1__event_publication.sql");
    }

    @Test
    void theTablesExist() throws SQLException {
        try (Connection connection = connection()) {
            assertThat(tables(connection, "public")).containsAll(EXPECTED_TABLES);
        }
    }

    @Test
    void theAuditTrailRefusesUpdateDeleteAndTruncate() throws SQLException {
        try (Connection connection = connection()) {
            UUID entry = insertAuditEntry(connection, insertCollectivite(connection));
            assertThat(intactAuditEntries(connection, entry)).isEqualTo(1);

            assertRefused(connection, "UPDATE compliance_audit_entry SET action = 'tampered' WHERE id = '" + entry + "'",
                    "UPDATE");
            assertRefused(connection, "DELETE FROM compliance_audit_entry WHERE id = '" + entry + "'", "DELETE");
            assertRefused(connection, "TRUNCATE compliance_audit_entry", "TRUNCATE");

            assertThat(intactAuditEntries(connection, entry)).isEqualTo(1);
        }
    }

    @Test
    void theApplicationStartsWithThePostgresProfileAndIsReady(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParvisApplication.class)
                .main(ParvisApplication.class)
                .profiles("postgres")
                .run("--" + TestDatabaseEnvironment.OPT_OUT + "=true",
                        "--PARVIS_DB_URL=" + databaseUrl,
                        "--PARVIS_DB_USER=" + Peer.postgresUser(),
                        "--PARVIS_DB_PASSWORD=" + Peer.postgresPassword(),
                        "--PARVIS_DATA_DIR=" + dataDir,
                        "--PARVIS_VAULT_KEYS=test:" + TestDatabaseEnvironment.TEST_VAULT_KEY,
                        "--PARVIS_LOG_FORMAT=",
                        "--PORT=0")) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(databaseUrl);
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> readiness = client.send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(databaseUrl, Peer.postgresUser(), Peer.postgresPassword())
                .locations(appFlywayLocations("postgresql"))
                .load();
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection(serverUrl, Peer.postgresUser(), Peer.postgresPassword());
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(databaseUrl, Peer.postgresUser(), Peer.postgresPassword());
    }

    /** The same server URL (hosts, port, parameters) naming another database. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        int slash = url.indexOf('/', prefix.length());
        int query = url.indexOf('?', prefix.length());
        int hostsEnd = slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : url.length();
        String parameters = query >= 0 ? url.substring(query) : "";
        return prefix + url.substring(prefix.length(), hostsEnd) + "/" + database + parameters;
    }
}

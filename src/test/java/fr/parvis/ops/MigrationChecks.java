package fr.parvis.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What the migration tests of each database share: the app's Flyway locations, fixtures, assertions. */
final class MigrationChecks {

    /** Tables every database must have once migrated. */
    static final List<String> EXPECTED_TABLES = List.of("territory_collectivite", "territory_collectivite_logo",
            "territory_user_account", "territory_membership", "territory_municipal_service", "territory_api_token",
            "territory_delegation", "compliance_audit_entry", "spring_session", "spring_session_attributes",
            "scheduled_tasks", "event_publication");

    private MigrationChecks() {
    }

    /** {@code spring.flyway.locations} of application.yaml, with Spring Boot's {@code {vendor}} resolved. */
    static String[] appFlywayLocations(String vendor) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        String locations = properties.getProperty("spring.flyway.locations");
        assertThat(locations).as("spring.flyway.locations in application.yaml").isNotBlank();
        return Arrays.stream(locations.split(",")).map(String::strip).map(l -> l.replace("{vendor}", vendor))
                .toArray(String[]::new);
    }

    /** Number of versioned SQL migrations Flyway should find for the vendor. */
    static int migrationScripts(String vendor) throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        int scripts = 0;
        for (String location : appFlywayLocations(vendor)) {
            Resource[] found = resolver.getResources(location.replace("classpath:", "classpath*:") + "/V*__*.sql");
            scripts += found.length;
        }
        assertThat(scripts).isPositive();
        return scripts;
    }

    /** Lower-case names of the tables of the schema. */
    static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE lower(table_schema) = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    static UUID insertCollectivite(Connection connection) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO territory_collectivite (id, version, created_at, updated_at, type, name, slug, time_zone, demo)
                VALUES (?, 0, ?, ?, 'COMMUNE', 'Commune de test', ?, 'Europe/Paris', FALSE)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setString(4, "test-" + id);
            insert.executeUpdate();
        }
        return id;
    }

    static UUID insertAuditEntry(Connection connection, UUID collectivite) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO compliance_audit_entry (id, version, created_at, updated_at, collectivite_id, occurred_at,
                    actor_label, channel, action)
                VALUES (?, 0, ?, ?, ?, ?, 'test', 'SYSTEM', 'test.appended')""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setObject(4, collectivite);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
        return id;
    }

    /** Number of audit entries with this id that still carry the action they were written with. */
    static long intactAuditEntries(Connection connection, UUID entry) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM compliance_audit_entry WHERE id = ? AND action = 'test.appended'")) {
            query.setObject(1, entry);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The statement fails with the append-only trigger's SQLSTATE 42501 and message. */
    static void assertRefused(Connection connection, String sql, String operation) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(operation + " on the audit trail").isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("append-only").hasMessageContaining(operation);
    }
}

package fr.parvis.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Database of the test suite: an in-memory H2 database shared by every test context of the JVM by
 * default, or PostgreSQL when {@code PARVIS_TEST_DB=postgres} (at {@code PARVIS_TEST_POSTGRES_URL}).
 * Demo mode is off unless a test turns it on. Test-specific properties still win. An application
 * that a test starts by itself against its own database opts out with {@value #OPT_OUT}{@code =true}.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    /** The vault key of the test suite (32 bytes, base64); never used outside tests. */
    public static final String TEST_VAULT_KEY = "cGFydmlzLXRlc3QtdmF1bHQta2V5LTMyLWJ5dGVzISE=";

    public static final String H2_URL =
            "jdbc:h2:mem:parvis-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** Property that leaves the environment of an application started by a test untouched. */
    public static final String OPT_OUT = "parvis.test.own-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(OPT_OUT, Boolean.class, false)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        if (usesPostgres()) {
            String url = Peer.env("PARVIS_TEST_POSTGRES_URL");
            if (url == null) {
                throw new IllegalStateException("PARVIS_TEST_DB=postgres needs PARVIS_TEST_POSTGRES_URL");
            }
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", Peer.postgresUser());
            properties.put("spring.datasource.password", Peer.postgresPassword());
        } else {
            properties.put("spring.datasource.url", H2_URL);
        }
        // Spring caches one application context per test configuration (a dozen in the suite), each
        // with its own pool: keep pools small and let them shrink, or PostgreSQL (100 connections by
        // default, shared with the Bluesky test network) runs out of clients.
        properties.put("spring.datasource.hikari.maximum-pool-size", "6");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "30000");
        properties.put("parvis.demo.enabled", "false");
        properties.put("parvis.security.metrics-token", "test-scraper-token");
        properties.put("parvis.vault.keys", "test:" + TEST_VAULT_KEY);
        properties.put("parvis.vault.current-key", "test");
        properties.put("spring.thymeleaf.cache", "true");
        properties.put("logging.level.fr.parvis", "INFO");
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource test = new MapPropertySource("parvisTestDatabase", properties);
        if (sources.contains("Inlined Test Properties")) {
            sources.addAfter("Inlined Test Properties", test);
        } else {
            sources.addFirst(test);
        }
    }

    public static boolean usesPostgres() {
        return "postgres".equalsIgnoreCase(Peer.env("PARVIS_TEST_DB"));
    }
}

package fr.parvis.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;

/**
 * Outside peers some tests need. When one is missing the test is skipped with the reason, unless
 * {@code PARVIS_TEST_REQUIRE_ALL=true} (set by {@code .ci/run}): then the test fails.
 */
public enum Peer {

    /** A PostgreSQL server at {@code PARVIS_TEST_POSTGRES_URL}. */
    POSTGRES {
        @Override
        Optional<String> missing() {
            String url = env("PARVIS_TEST_POSTGRES_URL");
            if (url == null) {
                return Optional.of("PostgreSQL absent: set PARVIS_TEST_POSTGRES_URL (for example "
                        + "jdbc:postgresql://127.0.0.1:5432/parvis_test) to run this test");
            }
            try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword())) {
                return Optional.empty();
            } catch (Exception e) {
                return Optional.of("PostgreSQL unreachable at " + url + ": " + e.getMessage());
            }
        }
    },

    /** Debian's Chromium and ChromeDriver ({@code apt-get install -y chromium chromium-driver}). */
    CHROMIUM {
        @Override
        Optional<String> missing() {
            if (!Files.isExecutable(Path.of(chromiumBinary())) || !Files.isExecutable(Path.of(chromedriverBinary()))) {
                return Optional.of("Chromium absent: install it with 'apt-get install -y chromium chromium-driver' "
                        + "(looked for " + chromiumBinary() + " and " + chromedriverBinary() + ")");
            }
            return Optional.empty();
        }
    },

    /**
     * A Bluesky test network (PLC, PDS, AppView) from npm {@code @atproto/dev-env}, installed by
     * {@code tools/bluesky-pds/install.sh} in {@code ${PARVIS_CACHE:-$HOME/.cache/parvis}/bluesky-pds}
     * and started once per test JVM by {@link BlueskyTestNetwork} (its AppView needs the PostgreSQL
     * of {@code PARVIS_BSKY_POSTGRES_URL} and {@code redis-server}), or one already running at
     * {@code PARVIS_TEST_BLUESKY_PDS}.
     */
    BLUESKY_PDS {
        @Override
        Optional<String> missing() {
            return BlueskyTestNetwork.missing();
        }
    };

    /** Why the peer is not usable, or empty when it is. */
    abstract Optional<String> missing();

    public static boolean requireAll() {
        return "true".equalsIgnoreCase(env("PARVIS_TEST_REQUIRE_ALL"));
    }

    /** {@code PARVIS_TEST_POSTGRES_URL}, or null when unset. */
    public static String postgresUrl() {
        return env("PARVIS_TEST_POSTGRES_URL");
    }

    public static String postgresUser() {
        return Optional.ofNullable(env("PARVIS_TEST_POSTGRES_USER")).orElse("postgres");
    }

    public static String postgresPassword() {
        return Optional.ofNullable(env("PARVIS_TEST_POSTGRES_PASSWORD")).orElse("");
    }

    public static String chromiumBinary() {
        return Optional.ofNullable(env("PARVIS_TEST_CHROMIUM")).orElse("/usr/bin/chromium");
    }

    public static String chromedriverBinary() {
        return Optional.ofNullable(env("PARVIS_TEST_CHROMEDRIVER")).orElse("/usr/bin/chromedriver");
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}

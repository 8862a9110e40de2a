package fr.parvis.publishing.multinode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parvis nodes sharing one fresh PostgreSQL database (created here, dropped on close), the demo
 * collectivité and its Sandbox accounts, and SQL to count what the network received.
 */
public final class PublicationCluster implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;
    private final Path dataDir;
    private final String vaultKey;
    private final List<ParvisNode> nodes = new ArrayList<>();

    /**
     * @param postgresUrl a JDBC URL of the server (any database: only host and port are used)
     */
    public PublicationCluster(String postgresUrl, String user, String password) throws IOException, SQLException {
        this.serverUrl = postgresUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
        this.user = user;
        this.password = password;
        this.database = "parvis_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dataDir = Files.createTempDirectory("parvis-nodes");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.vaultKey = "k1:" + Base64.getEncoder().encodeToString(key);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    public String jdbcUrl() {
        return serverUrl.replaceFirst("/postgres$", "/" + database);
    }

    /** Starts a node on this database (demo on: the first node creates the demo collectivité). */
    public ParvisNode start(String name, List<String> args) throws IOException, InterruptedException {
        int port = freePort();
        Map<String, String> env = Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "PARVIS_DB_URL", jdbcUrl(),
                "PARVIS_DB_USER", user,
                "PARVIS_DB_PASSWORD", password,
                "PARVIS_DEMO", "true",
                "PARVIS_VAULT_KEYS", vaultKey,
                "PARVIS_DATA_DIR", dataDir.toString(),
                "PARVIS_LOG_FORMAT", "");
        ParvisNode node = ParvisNode.start(name, port, env, args, dataDir.resolve("logs"));
        nodes.add(node);
        node.awaitReady(java.time.Duration.ofMinutes(10));
        return node;
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    public List<long[]> rows(String sql, int columns) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long[] row = new long[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getLong(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() throws Exception {
        for (ParvisNode node : nodes) {
            node.close();
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package fr.parvis.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bluesky test network of the test JVM: started once (the first test that needs it) from the
 * installation of {@code tools/bluesky-pds/install.sh}, stopped when the JVM ends; or the one already
 * running at {@code PARVIS_TEST_BLUESKY_PDS} (with {@code PARVIS_TEST_BLUESKY_APPVIEW}, and
 * {@code PARVIS_TEST_BLUESKY_CONTROL} to make its AppView index at once: the URLs the launcher prints).
 */
public final class BlueskyTestNetwork {

    /** Addresses of a running test network. */
    public record Urls(URI pds, URI appview, URI control) {
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static Urls running;
    private static Process process;

    private BlueskyTestNetwork() {
    }

    /** Where {@code install.sh} puts the network. */
    public static Path installation() {
        String cache = Peer.env("PARVIS_CACHE");
        Path root = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "parvis");
        return root.resolve("bluesky-pds");
    }

    static Optional<String> missing() {
        if (Peer.env("PARVIS_TEST_BLUESKY_PDS") != null) {
            return Optional.empty();
        }
        Path dir = installation();
        if (!Files.isRegularFile(dir.resolve(".installed")) || !Files.isExecutable(dir.resolve("node22"))
                || !Files.isRegularFile(dir.resolve("launcher.mjs"))) {
            return Optional.of("Bluesky test network absent: install it with 'tools/bluesky-pds/install.sh' "
                    + "(npm @atproto/dev-env into " + dir + ", about 700 MB, about five minutes), or set "
                    + "PARVIS_TEST_BLUESKY_PDS to a running one");
        }
        URI postgres = URI.create(postgresAdminUrl().replaceFirst("^postgres(ql)?://", "http://"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(postgres.getHost(), postgres.getPort() < 0 ? 5432 : postgres.getPort()),
                    2000);
        } catch (IOException e) {
            return Optional.of("Bluesky test network: its AppView needs PostgreSQL at " + postgres.getHost() + ":"
                    + (postgres.getPort() < 0 ? 5432 : postgres.getPort()) + " (PARVIS_BSKY_POSTGRES_URL), unreachable");
        }
        String redis = Optional.ofNullable(Peer.env("PARVIS_BSKY_REDIS_SERVER")).orElse("redis-server");
        boolean found = redis.contains("/") ? Files.isExecutable(Path.of(redis))
                : java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, redis)));
        if (!found) {
            return Optional.of("Bluesky test network: its AppView needs Redis ('apt-get install -y redis-server'), "
                    + "'" + redis + "' not found");
        }
        return Optional.empty();
    }

    static String postgresAdminUrl() {
        return Optional.ofNullable(Peer.env("PARVIS_BSKY_POSTGRES_URL"))
                .orElse("postgres://" + Peer.postgresUser() + "@127.0.0.1:5432/postgres");
    }

    /** The running network, started if needed. */
    public static synchronized Urls get() {
        if (running != null) {
            return running;
        }
        String given = Peer.env("PARVIS_TEST_BLUESKY_PDS");
        if (given != null) {
            String control = Peer.env("PARVIS_TEST_BLUESKY_CONTROL");
            String appview = Peer.env("PARVIS_TEST_BLUESKY_APPVIEW");
            running = new Urls(URI.create(given), appview == null ? null : URI.create(appview),
                    control == null ? null : URI.create(control));
            return running;
        }
        running = start();
        return running;
    }

    /** Makes the AppView index everything the PDS has so far (no-op for a network without control). */
    public static void index() {
        Urls urls = get();
        if (urls.control() == null) {
            pause(Duration.ofSeconds(2));
            return;
        }
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                    urls.control().resolve("/process")).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("indexing failed: " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Urls start() {
        Path dir = installation();
        Path log = Path.of("target", "bluesky-pds.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(dir.resolve("node22").toString(), "launcher.mjs")
                    .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PARVIS_BSKY_POSTGRES_URL", postgresAdminUrl());
            if (Peer.postgresPassword() != null && !Peer.postgresPassword().isEmpty()) {
                builder.environment().putIfAbsent("PGPASSWORD", Peer.postgresPassword());
            }
            builder.environment().put("LOG_ENABLED", "false");
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(BlueskyTestNetwork::stop, "bluesky-test-network-stop"));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String json = line.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (json == null) {
                throw new IllegalStateException("the Bluesky test network did not start: see " + log);
            }
            JsonNode urls = JsonMapper.builder().build().readTree(json);
            return new Urls(URI.create(urls.get("pds").asString()), URI.create(urls.get("appview").asString()),
                    URI.create(urls.get("control").asString()));
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the Bluesky test network did not start (log: " + log + "): " + e, e);
        }
    }

    private static synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

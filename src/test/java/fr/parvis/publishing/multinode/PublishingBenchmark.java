package fr.parvis.publishing.multinode;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The publication burst benchmark (docs/benchmarks.md): N posts due at the same instant on the
 * demo's Sandbox accounts, with one or two Parvis nodes on one fresh PostgreSQL database; prints
 * the throughput and the lateness (published at − due at) p50, p99 and max, measured from the
 * records. Run with {@code tools/bench-publishing.sh [posts] [nodes]}.
 */
public final class PublishingBenchmark {

    private PublishingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int dueIn = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String url = System.getenv().getOrDefault("PARVIS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("PARVIS_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("PARVIS_TEST_POSTGRES_PASSWORD", "");
        List<String> common = new ArrayList<>(List.of("--db-scheduler.polling-interval=1s", "--db-scheduler.threads=8",
                "--parvis.sandbox.simulation=false", "--spring.datasource.hikari.maximum-pool-size=16",
                "--logging.level.com.github.kagkarlsson=WARN", "--parvis.publishing.pump.enabled=true"));
        // other settings to compare (e.g. --parvis.publishing.pump.threads=32); the defaults otherwise
        String extra = System.getenv("PARVIS_BENCH_ARGS");
        if (extra != null && !extra.isBlank()) {
            common.addAll(List.of(extra.strip().split("\\s+")));
            System.out.println("settings: " + extra.strip());
        }
        try (PublicationCluster cluster = new PublicationCluster(url, user, password)) {
            // the other nodes first; the last one creates the posts, all due dueIn seconds after the start
            // of the load (long enough for the load to finish: lateness is measured from the due instant)
            for (int n = 2; n <= nodes; n++) {
                cluster.start("bench-" + n, common);
            }
            List<String> loaded = new ArrayList<>(common);
            loaded.add("--parvis.bench.publishing-load.posts=" + posts);
            loaded.add("--parvis.bench.publishing-load.due-in=" + dueIn + "s");
            loaded.add("--parvis.bench.publishing-load.accounts=" + accounts);
            cluster.start("bench-1", loaded);
            long early = cluster.count("select count(*) from publishing_variant where state <> 'SCHEDULED'");
            if (early > 0) {
                System.out.printf("warning: %d posts were due before the load ended: raise due-in%n", early);
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            long done = 0;
            while (Instant.now().isBefore(deadline)) {
                done = cluster.count("select count(*) from publishing_variant where state in ('PUBLISHED', 'FAILED')");
                if (done >= posts) {
                    break;
                }
                Thread.sleep(1000);
            }
            long published = cluster.count("select count(*) from publishing_variant where state = 'PUBLISHED'");
            long duplicates = cluster.count("select count(*) from (select idempotency_key from sandbox_post where"
                    + " idempotency_key is not null group by idempotency_key having count(*) > 1) d");
            long[] lateness = cluster.rows("select cast(extract(epoch from (published_at - due_at)) * 1000 as bigint)"
                    + " from publishing_variant where state = 'PUBLISHED'", 1).stream().mapToLong(r -> r[0]).sorted()
                    .toArray();
            long[] span = cluster.rows("select cast(extract(epoch from min(due_at)) * 1000 as bigint),"
                    + " cast(extract(epoch from max(published_at)) * 1000 as bigint) from publishing_variant", 2).get(0);
            double seconds = (span[1] - span[0]) / 1000.0;
            System.out.printf("%n=== publishing burst: %s, %d nodes, %d posts on %d Sandbox accounts, %d CPUs, %s ===%n",
                    LocalDate.now(), nodes, posts, cluster.count("select count(distinct account_id) from publishing_variant"),
                    Runtime.getRuntime().availableProcessors(), InetAddress.getLocalHost().getHostName());
            System.out.printf("published %d, failed %d, duplicates on the network %d%n", published, done - published,
                    duplicates);
            System.out.printf("all published %.1f s after the due instant: %.0f posts/s%n", seconds,
                    published / Math.max(seconds, 0.001));
            System.out.printf("lateness p50 %.2f s, p99 %.2f s, max %.2f s%n", percentile(lateness, 50) / 1000.0,
                    percentile(lateness, 99) / 1000.0, lateness.length == 0 ? 0 : lateness[lateness.length - 1] / 1000.0);
        }
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}

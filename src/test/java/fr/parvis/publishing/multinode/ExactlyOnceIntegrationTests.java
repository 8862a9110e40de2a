package fr.parvis.publishing.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestDatabaseEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Exactly one publication per (post, account) with two Parvis processes on one PostgreSQL
 * database, 500 posts due at the same instant on the demo's Sandbox accounts, and one process
 * killed (SIGKILL) while it has publications in flight. Counted on the network side (the Sandbox's
 * own table), by idempotency key: each post exactly once, none lost; the claims the killed node
 * left behind are settled by reading back from the network.
 */
@RequiresPeer(Peer.POSTGRES)
class ExactlyOnceIntegrationTests {

    static final int POSTS = 500;

    @Test
    void fiveHundredPostsTwoNodesOneKilled() throws Exception {
        Assumptions.assumeTrue(TestDatabaseEnvironment.usesPostgres()
                || "always".equals(System.getenv("PARVIS_TEST_MULTI_NODE")),
                "runs in the PostgreSQL suite (PARVIS_TEST_DB=postgres) or with PARVIS_TEST_MULTI_NODE=always");
        List<String> common = List.of(
                "--db-scheduler.polling-interval=1s", "--db-scheduler.heartbeat-interval=2s",
                "--db-scheduler.threads=6", "--parvis.publishing.stale-claim=20s",
                "--parvis.publishing.dispatch-interval=2s", "--parvis.publishing.heartbeat=1s",
                "--parvis.sandbox.publish-latency=250ms",
                "--parvis.sandbox.simulation=false", "--spring.datasource.hikari.maximum-pool-size=12",
                "--parvis.publishing.pump.enabled=true", "--parvis.publishing.pump.threads=8");
        try (PublicationCluster cluster = new PublicationCluster(Peer.postgresUrl(), Peer.postgresUser(),
                Peer.postgresPassword())) {
            // Node A claims first (2 s ahead) and at most 300: it holds claims when it is killed,
            // whichever node polls first. Node B claims 0.5 s ahead and takes the rest. No early
            // claims of the burst (burst lookahead = lookahead): node B would take it all while
            // node A is still loading it.
            List<String> loaded = new java.util.ArrayList<>(common);
            loaded.add("--parvis.bench.publishing-load.posts=" + POSTS);
            loaded.add("--parvis.bench.publishing-load.due-in=20s");
            loaded.add("--parvis.publishing.pump.lookahead=2s");
            loaded.add("--parvis.publishing.pump.burst-lookahead=2s");
            loaded.add("--parvis.publishing.pump.max-in-flight=300");
            List<String> other = new java.util.ArrayList<>(common);
            other.add("--parvis.publishing.pump.lookahead=500ms");
            other.add("--parvis.publishing.pump.burst-lookahead=500ms");
            // node B first, so that both nodes are up when the posts fall due
            ParvisNode second = cluster.start("node-b", other);
            ParvisNode first = cluster.start("node-a", loaded);
            assertThat(cluster.count("select count(*) from publishing_variant")).isEqualTo(POSTS);
            assertThat(cluster.count("select count(distinct scheduled_at) from publishing_post"))
                    .as("every post due at the same instant").isEqualTo(1);

            String firstName = first.pid() + "@";
            long inFlightAtKill = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                long published = cluster.count("select count(*) from publishing_variant where state = 'PUBLISHED'");
                inFlightAtKill = cluster.count("select count(*) from publishing_variant where state = 'PUBLISHING'"
                        + " and claimed_by like '" + firstName + "%'");
                if (published >= 60 && inFlightAtKill > 0) {
                    first.kill();
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(first.alive()).as("node A killed during the run\n" + first.tail()).isFalse();
            long claimedByDeadNode = cluster.count("select count(*) from publishing_variant where state = 'PUBLISHING'"
                    + " and claimed_by like '" + firstName + "%'");

            Instant end = Instant.now().plus(Duration.ofMinutes(4));
            long done = 0;
            while (Instant.now().isBefore(end)) {
                done = cluster.count("select count(*) from publishing_variant where state = 'PUBLISHED'");
                if (done == POSTS) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(done).as("every post published (node B log:\n" + second.tail() + ")").isEqualTo(POSTS);
            assertThat(cluster.count("select count(*) from publishing_variant where state <> 'PUBLISHED'")).isZero();

            // network side: one Sandbox post per variant, found by its idempotency key
            assertThat(cluster.count("select count(*) from sandbox_post p join publishing_variant v"
                    + " on p.idempotency_key = cast(v.id as varchar) where p.status = 'PUBLISHED'"))
                    .as("posts on the network").isEqualTo(POSTS);
            assertThat(cluster.count("select count(*) from (select idempotency_key from sandbox_post"
                    + " where idempotency_key is not null group by idempotency_key having count(*) > 1) d"))
                    .as("duplicates on the network").isZero();
            assertThat(cluster.count("select count(*) from publishing_variant v join sandbox_post p"
                    + " on p.idempotency_key = cast(v.id as varchar) where p.external_id <> v.external_id"))
                    .as("recorded network ids").isZero();
            long readBack = cluster.count("select count(*) from publishing_variant where resolved_by like 'read-back%'");
            assertThat(claimedByDeadNode).as("claims left by the killed node").isPositive();
            assertThat(readBack).as("claims of the killed node settled by read-back").isGreaterThanOrEqualTo(
                    claimedByDeadNode);
            System.out.printf("exactly-once: %d posts, node A killed with %d in flight; %d settled by read-back%n",
                    POSTS, claimedByDeadNode, readBack);
        }
    }
}

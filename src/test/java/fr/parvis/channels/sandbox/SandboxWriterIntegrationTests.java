package fr.parvis.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.sandbox.SandboxNetwork.Request;
import fr.parvis.channels.sandbox.SandboxNetwork.Written;
import fr.parvis.channels.sandbox.domain.SandboxPost;
import fr.parvis.channels.sandbox.domain.SandboxPosts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Sandbox's group commit ({@link SandboxWriter}): concurrent publications are written
 * together, each exactly once, numbered without gap per account, and a refused request does not
 * stop the others of its group.
 */
@IntegrationTest
class SandboxWriterIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    SandboxConnector connector;

    @Autowired
    SandboxNetwork network;

    @Autowired
    SandboxWriter writer;

    @Autowired
    SandboxPosts posts;

    Tenant tenant;
    AccountContext first;
    AccountContext second;

    @BeforeEach
    void openTwoAccounts() {
        tenant = tenants.commune();
        first = open("groupe-un");
        second = open("groupe-deux");
    }

    private AccountContext open(String handle) {
        ConnectedAccount connected = tenants.as(tenant.admin(),
                () -> ((ConnectFlow.OneClick) connector.connectFlow()).create("@" + handle, handle));
        return new AccountContext(UUID.randomUUID(), connected.info().externalId(), connected.info().handle(), null,
                connected.credentials());
    }

    @Test
    void concurrentPublicationsAreWrittenTogetherOnceEachAndNumberedWithoutGap() throws Exception {
        long groupsBefore = writer.stats().groups();
        int threads = 16;
        int each = 10;
        Map<String, String> externalIds = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        String key = "k-" + thread + "-" + i;
                        AccountContext account = (thread + i) % 2 == 0 ? first : second;
                        PublishedPost post = tenants.as(tenant.admin(), () -> connector.publish(account,
                                PostDraft.text("Annonce " + key).withIdempotencyKey(key)));
                        externalIds.put(key, account.externalId() + "/" + post.externalId());
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
            // the same keys again, concurrently: the network answers with the posts already made
            List<Callable<Boolean>> again = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                again.add(() -> {
                    boolean same = true;
                    for (int i = 0; i < each; i++) {
                        String key = "k-" + thread + "-" + i;
                        AccountContext account = (thread + i) % 2 == 0 ? first : second;
                        PublishedPost post = tenants.as(tenant.admin(), () -> connector.publish(account,
                                PostDraft.text("Annonce " + key).withIdempotencyKey(key)));
                        same &= externalIds.get(key).equals(account.externalId() + "/" + post.externalId());
                    }
                    return same;
                });
            }
            for (Future<Boolean> done : pool.invokeAll(again)) {
                assertThat(done.get()).as("a key published again gives back the same post").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = threads * each;
        List<SandboxPost> written = tenants.as(tenant.admin(), () -> posts.findAll());
        assertThat(written).hasSize(total);
        assertThat(written.stream().map(SandboxPost::idempotencyKey).distinct()).hasSize(total);
        for (AccountContext account : List.of(first, second)) {
            List<Long> seqs = written.stream().filter(p -> p.accountId().toString().equals(account.externalId()))
                    .map(SandboxPost::seq).sorted().toList();
            assertThat(seqs).as("numbers of %s", account.handle()).hasSize(total / 2);
            long start = seqs.get(0);
            assertThat(seqs).as("numbered without gap").containsExactlyElementsOf(
                    LongStream.range(start, start + seqs.size()).boxed().toList());
        }
        SandboxWriter.Stats stats = writer.stats();
        assertThat(stats.groups() - groupsBefore).as("groups written").isPositive().isLessThan(2L * total);
        assertThat(stats.largestGroup()).as("concurrent publications written together").isGreaterThan(1);
    }

    @Test
    void aRefusedRequestDoesNotStopTheOthersOfItsGroupAndAKeyIsWrittenOnceWithinAGroup() {
        AccountContext wrongToken = new AccountContext(first.accountId(), first.externalId(), first.handle(), null,
                Credentials.of("sbx_not-the-token"));
        List<Written> written = tenants.as(tenant.admin(), () -> network.publishAll(List.of(
                new Request(first, PostDraft.text("Premier").withIdempotencyKey("same")),
                new Request(wrongToken, PostDraft.text("Refusé").withIdempotencyKey("other")),
                new Request(first, PostDraft.text("Premier").withIdempotencyKey("same")),
                new Request(second, PostDraft.text("Second").withIdempotencyKey("same")))));
        assertThat(written).hasSize(4);
        assertThat(written.get(0).post()).isNotNull();
        assertThat(written.get(1).refusal()).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("sandbox.tokenRevoked");
        assertThat(written.get(2).post().externalId()).as("same key, same account: one post")
                .isEqualTo(written.get(0).post().externalId());
        assertThat(written.get(3).post()).as("the key is per account").isNotNull();
        assertThatThrownBy(() -> tenants.as(tenant.admin(), () -> network.publishAll(List.of(
                new Request(first, new PostDraft("Réponse", List.of(), null, "p1", "fr", "reply"))))))
                .as("replies are written on their own").isInstanceOf(IllegalArgumentException.class);
        List<SandboxPost> kept = tenants.as(tenant.admin(), () -> posts.findAll());
        assertThat(kept).extracting(SandboxPost::text).containsExactlyInAnyOrder("Premier", "Second");
        assertThat(Collections.frequency(kept.stream().map(SandboxPost::idempotencyKey).collect(Collectors.toList()),
                "same")).isEqualTo(2);
    }
}

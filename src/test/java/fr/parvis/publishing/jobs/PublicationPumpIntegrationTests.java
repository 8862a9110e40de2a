package fr.parvis.publishing.jobs;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.VariantView;
import fr.parvis.publishing.crisis.CrisisManagement;
import fr.parvis.shared.ConflictException;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publication pump running in the background, as in production: posts due in a few seconds
 * are claimed ahead in small batches, published at their time (never before), exactly once even
 * while another claimer competes; a claimed post cannot be edited; a node that stops gives back
 * what it claimed and did not send.
 */
@SpringBootTest(properties = {"parvis.publishing.pump.enabled=true", "parvis.publishing.pump.poll-interval=50ms",
        "parvis.publishing.pump.lookahead=8s", "parvis.publishing.pump.batch=7", "parvis.publishing.pump.threads=4",
        "parvis.publishing.pump.max-in-flight=50", "parvis.sandbox.simulation=false"})
class PublicationPumpIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublicationPump pump;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CrisisManagement crisis;

    @AfterEach
    void pumpRunsAndClockIsBack() {
        pump.start();
        clock.reset();
    }

    @Test
    void duePostsArePublishedOnceAtTheirTimeWhileAnotherClaimerCompetes() throws Exception {
        Team team = fixtures.team();
        UUID second = fixtures.sandboxAccount(team.admin());
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            ids.add(SystemActor.actFor(team.tenant().id(), "test load", () -> publishing.createPreApproved(
                    post("Annonce " + n + " : la piscine rouvre lundi.", at, team.sandbox(), second), at, "test"))
                    .id());
        }
        clock.advance(Duration.ofHours(1).minusSeconds(3));
        // a second claimer (as another node would) drains what is due, in small batches, meanwhile
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger byOther = new AtomicInteger();
        Thread other = new Thread(() -> {
            while (!stop.get()) {
                byOther.addAndGet(pump.drain(clock.instant(), 3));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        other.start();
        try {
            waitFor(team, ids, v -> v.state() == VariantState.PUBLISHED, Duration.ofSeconds(90));
        } finally {
            stop.set(true);
            other.join();
        }
        List<PostView> published = tenants.as(team.manager(), () -> ids.stream().map(publishing::get).toList());
        assertThat(published).allSatisfy(p -> assertThat(p.status()).isEqualTo(PostStatus.PUBLISHED));
        List<VariantView> variants = published.stream().flatMap(p -> p.variants().stream()).toList();
        assertThat(variants).hasSize(60).allSatisfy(v -> {
            assertThat(v.externalId()).isNotBlank();
            assertThat(v.publishedAt()).as("never before its time").isAfterOrEqualTo(at);
        });
        for (VariantView variant : variants) {
            assertThat(jdbc.queryForObject("select count(*) from sandbox_post where idempotency_key = ?", Long.class,
                    variant.id().toString())).as("published once on the network").isEqualTo(1L);
        }
        assertThat(byOther.get()).as("the competing claimer published some or none, never twice").isBetween(0, 60);
    }

    @Test
    void aClaimedPostCannotBeEditedAndIsGivenBackWhenTheNodeStops() throws Exception {
        Team team = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        UUID id = SystemActor.actFor(team.tenant().id(), "test load", () -> publishing.createPreApproved(
                post("Fermeture exceptionnelle de la mairie annexe.", at, team.sandbox()), at, "test")).id();
        clock.advance(Duration.ofHours(1).minusSeconds(7));
        waitFor(team, List.of(id), v -> v.state() == VariantState.PUBLISHING, Duration.ofSeconds(5));
        assertThat(tenants.as(team.manager(), () -> publishing.get(id)).status()).as("claimed ahead of its time")
                .isEqualTo(PostStatus.PUBLISHING);
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.cancel(id)))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("messageKey", "publishing.post.publishing");

        pump.stop();
        PostView givenBack = tenants.as(team.manager(), () -> publishing.get(id));
        assertThat(givenBack.variants()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(VariantState.SCHEDULED);
            assertThat(v.dueAt()).isEqualTo(at);
        });
        assertThat(givenBack.status()).isEqualTo(PostStatus.SCHEDULED);

        pump.start();
        waitFor(team, List.of(id), v -> v.state() == VariantState.PUBLISHED, Duration.ofSeconds(30));
        PostView published = tenants.as(team.manager(), () -> publishing.get(id));
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.variants().get(0).publishedAt()).isAfterOrEqualTo(at);
        assertThat(jdbc.queryForObject("select count(*) from sandbox_post where idempotency_key = ?", Long.class,
                published.variants().get(0).id().toString())).isEqualTo(1L);
    }

    @Test
    void aBurstIsClaimedAheadAndHeldBackWhenCrisisModeStartsBeforeItsTime() throws Exception {
        Team team = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            ids.add(SystemActor.actFor(team.tenant().id(), "test load", () -> publishing.createPreApproved(
                    post("Vigilance crue " + n + " : suivez les consignes.", at, team.sandbox()), at, "test")).id());
        }
        clock.advance(Duration.ofHours(1).minusSeconds(20));
        // 12 due within 30 s, more than a batch (7): a burst, claimed 20 s ahead
        waitFor(team, ids, v -> v.state() == VariantState.PUBLISHING, Duration.ofSeconds(10));

        tenants.as(team.admin(), () -> crisis.start("Crue de la Seine", false));
        clock.advance(Duration.ofSeconds(21));
        waitFor(team, ids, v -> v.state() == VariantState.PAUSED, Duration.ofSeconds(30));
        List<PostView> held = tenants.as(team.manager(), () -> ids.stream().map(publishing::get).toList());
        assertThat(held).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PostStatus.PAUSED);
            assertThat(p.pausedByCrisis()).isTrue();
        });
        for (PostView post : held) {
            assertThat(jdbc.queryForObject("select count(*) from sandbox_post where idempotency_key = ?", Long.class,
                    post.variants().get(0).id().toString())).as("held back: not sent").isZero();
        }
        assertThat(tenants.as(team.admin(), () -> crisis.pausedPosts())).hasSize(12);

        tenants.as(team.admin(), () -> crisis.end());
        assertThat(tenants.as(team.admin(), () -> crisis.resumeAll(null))).isEqualTo(12);
        waitFor(team, ids, v -> v.state() == VariantState.PUBLISHED, Duration.ofSeconds(30));
        for (UUID id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from sandbox_post where idempotency_key = ?", Long.class,
                    tenants.as(team.manager(), () -> publishing.get(id)).variants().get(0).id().toString()))
                    .as("published once after the crisis").isEqualTo(1L);
        }
    }

    /** Waits until every variant of these posts is in a state (the post's own status may lag a read). */
    private void waitFor(Team team, List<UUID> ids, Predicate<VariantView> state, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<PostView> views = tenants.as(team.manager(), () -> ids.stream().map(publishing::get).toList());
            if (views.stream().flatMap(p -> p.variants().stream()).allMatch(state)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached in " + timeout + ": " + views.stream()
                        .flatMap(p -> p.variants().stream()).map(v -> v.state().name()).toList());
            }
            Thread.sleep(50);
        }
    }
}

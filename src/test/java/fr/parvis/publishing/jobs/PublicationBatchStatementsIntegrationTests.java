package fr.parvis.publishing.jobs;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.jobs.Publisher.Claimed;
import fr.parvis.publishing.jobs.Publisher.Outcome;
import fr.parvis.publishing.jobs.Publisher.Result;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a burst costs the database: claiming and recording a batch of publications takes a few
 * statements for the whole batch, not a few per publication (counted by Hibernate's statistics, so
 * a query added inside the loop, or JDBC batching turned off, fails this test).
 */
@SpringBootTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
        "parvis.sandbox.simulation=false", "db-scheduler.enabled=false", "parvis.publishing.heartbeat=1h"})
class PublicationBatchStatementsIntegrationTests {

    private static final int POSTS = 100;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublicationPump pump;

    @Autowired
    Publisher publisher;

    @Autowired
    MutableClock clock;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBatchIsClaimedAndRecordedWithAFewStatements() {
        Team team = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofHours(1));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            int n = i;
            ids.add(SystemActor.actFor(team.tenant().id(), "test load", () -> publishing.createPreApproved(
                    post("Annonce " + n + " : travaux rue de la Gare.", at, team.sandbox()), at, "test")).id());
        }
        clock.advance(Duration.ofHours(1).minusSeconds(1));
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        List<Claimed> claimed = pump.claim(at, 2 * POSTS);
        assertThat(claimed).hasSize(POSTS);
        assertThat(statistics.getTransactionCount()).as("transactions to claim %d", POSTS).isLessThanOrEqualTo(2);
        assertThat(statistics.getPrepareStatementCount()).as("statements to claim %d", POSTS).isLessThanOrEqualTo(20);

        clock.advance(Duration.ofSeconds(1));
        List<Result> results = new ArrayList<>();
        for (Claimed c : claimed) {
            results.add(SystemActor.actFor(c.collectivite(), "test", () -> publisher.call(c)));
        }
        statistics.clear();
        List<Outcome> outcomes = SystemActor.actFor(team.tenant().id(), "test", () -> publisher.recordAll(results));
        assertThat(outcomes).hasSize(POSTS).containsOnly(Outcome.PUBLISHED);
        assertThat(statistics.getTransactionCount()).as("transactions to record %d", POSTS).isEqualTo(1);
        assertThat(statistics.getPrepareStatementCount()).as("statements to record %d", POSTS).isLessThanOrEqualTo(12);

        assertThat(tenants.as(team.manager(), () -> ids.stream().map(publishing::get).toList()))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(PostStatus.PUBLISHED));
    }
}

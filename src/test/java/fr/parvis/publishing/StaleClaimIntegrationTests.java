package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.domain.PublishingNode;
import fr.parvis.publishing.domain.PublishingNodes;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A publication claimed by a node that died before the network answered (the claim is in the
 * database, the node's heartbeat stopped): read back from the Sandbox, found absent, published
 * once. A claim of a node that still beats is left alone.
 */
@IntegrationTest
class StaleClaimIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    Variants variants;

    @Autowired
    PublishingNodes nodes;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClaimOfADeadNodeIsReadBackAndPublishedOnce() {
        Team team = fixtures.team();
        PostView post = tenants.as(team.manager(), () -> publishing.create(PublishingFixtures.post(
                "Réunion publique sur le plan local d’urbanisme mardi à 18 h 30.",
                clock.instant().plusSeconds(3600), team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        tenants.as(team.elu(), () -> publishing.approve(post.id(), null));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String ghost = "4242@ghost/" + post.id().toString().substring(0, 8);
        clock.advance(Duration.ofHours(1));
        tenants.as(team.admin(), () -> tx.executeWithoutResult(status -> {
            nodes.save(new PublishingNode(ghost, clock.instant()));
            Variant variant = variants.findByPostIdOrderByNetworkAscCreatedAtAsc(post.id()).get(0);
            variant.claim(ghost, clock.instant());
        }));

        clock.advance(Duration.ofSeconds(30));
        jobs.dispatch();
        assertThat(tenants.as(team.manager(), () -> publishing.get(post.id())).variants().get(0).state())
                .as("the ghost node still counts as alive").isEqualTo(VariantState.PUBLISHING);

        clock.advance(Duration.ofMinutes(5));
        jobs.dispatch();
        VariantView variant = tenants.as(team.manager(), () -> publishing.get(post.id())).variants().get(0);
        assertThat(variant.state()).isEqualTo(VariantState.PUBLISHED);
        assertThat(variant.resolvedBy()).isEqualTo("read-back: absent");
        tenants.as(team.admin(), () -> fixtures.accounts().syncNow(team.sandbox()));
        assertThat(tenants.as(team.admin(), () -> fixtures.accounts().recentPosts(team.sandbox(), 20)))
                .filteredOn(p -> p.text().contains("plan local d’urbanisme")).hasSize(1);

        // read back again (a second dispatcher round): nothing more on the network
        jobs.dispatch();
        tenants.as(team.admin(), () -> fixtures.accounts().syncNow(team.sandbox()));
        assertThat(tenants.as(team.admin(), () -> fixtures.accounts().recentPosts(team.sandbox(), 20)))
                .filteredOn(p -> p.text().contains("plan local d’urbanisme")).hasSize(1);
    }
}

package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.sandbox.SandboxJobs;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.jobs.Publisher;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Native scheduling on the Sandbox (an account set for it): the approved post is handed to the
 * network's scheduler once (even if handed twice), an edit cancels it on the network first, and at
 * its time Parvis reads the network's publication back instead of publishing again.
 */
@IntegrationTest
class NativeSchedulingIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingSettingsManagement settings;

    @Autowired
    Publisher publisher;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    SandboxJobs sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> networkStatuses(String text) {
        return jdbc.queryForList("select status from sandbox_post where text like ? order by seq", String.class,
                "%" + text + "%");
    }

    private PostView approve(Team team, PostView post) {
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        return tenants.as(team.elu(), () -> publishing.approve(post.id(), null));
    }

    @Test
    void handedToTheNetworkOnceCancelledOnEditAndReadBackAtItsTime() {
        Team team = fixtures.team();
        tenants.as(team.admin(), () -> settings.changeAccount(team.sandbox(), null, true));
        Instant at = clock.instant().plus(Duration.ofHours(2));
        String marker = "Brocante " + at.toEpochMilli();
        PostView draft = tenants.as(team.manager(), () -> publishing.create(PublishingFixtures.post(
                marker + " : inscriptions ouvertes en mairie.", at, team.sandbox())));
        PostView approved = approve(team, draft);
        java.util.UUID variant = approved.variants().get(0).id();

        // the task may run at the same time: handing it twice leaves one scheduled post on the network
        tenants.as(team.admin(), () -> publisher.scheduleNatively(variant, at));
        tenants.as(team.admin(), () -> publisher.scheduleNatively(variant, at));
        VariantView scheduled = tenants.as(team.manager(), () -> publishing.get(draft.id())).variants().get(0);
        assertThat(scheduled.state()).isEqualTo(VariantState.NATIVE_SCHEDULED);
        assertThat(networkStatuses(marker)).containsExactly("SCHEDULED");

        PostView edited = tenants.as(team.manager(), () -> publishing.update(draft.id(), PublishingFixtures.post(
                marker + " : inscriptions ouvertes en mairie jusqu’au 15.", at, team.sandbox())));
        assertThat(edited.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(edited.variants().get(0).state()).isEqualTo(VariantState.DRAFT);
        assertThat(networkStatuses(marker)).containsExactly("CANCELLED");

        approve(team, edited);
        tenants.as(team.admin(), () -> publisher.scheduleNatively(variant, at));
        assertThat(networkStatuses(marker)).containsExactly("CANCELLED", "SCHEDULED");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        sandbox.simulateDue();
        jobs.dispatch();
        VariantView published = tenants.as(team.manager(), () -> publishing.get(draft.id())).variants().get(0);
        assertThat(published.state()).isEqualTo(VariantState.PUBLISHED);
        assertThat(published.resolvedBy()).isEqualTo("read-back");
        assertThat(networkStatuses(marker)).containsExactly("CANCELLED", "PUBLISHED");
    }
}

package fr.parvis.publishing;

import static fr.parvis.publishing.PublishingFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.ForbiddenException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The approval circuit and the scheduler on the Sandbox: draft → submitted → approved → scheduled
 * → published at its time (application clock), exactly once; and the refusals.
 */
@IntegrationTest
class PublishingIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPostGoesThroughTheCircuitAndIsPublishedOnceAtItsTime() {
        Team team = fixtures.team();
        Instant at = clock.instant().plus(Duration.ofHours(2));
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(
                "La médiathèque ouvre le dimanche à partir du 3 janvier.", at, team.sandbox())));
        assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(draft.approvalLevels()).isEqualTo(1);

        PostView submitted = tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
        assertThat(submitted.status()).isEqualTo(PostStatus.SUBMITTED);

        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.approve(draft.id(), null)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(tenants.as(team.elu(), () -> notifications.unreadCount())).isEqualTo(1);
        PostView approved = tenants.as(team.elu(), () -> publishing.approve(draft.id(), "Parfait"));
        assertThat(tenants.as(team.elu(), () -> notifications.unreadCount())).as("handled by approving").isZero();
        assertThat(approved.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(approved.variants()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(VariantState.SCHEDULED);
            assertThat(v.dueAt()).isEqualTo(at);
        });

        jobs.dispatch();
        assertThat(tenants.as(team.manager(), () -> publishing.get(draft.id())).status())
                .isEqualTo(PostStatus.SCHEDULED);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        jobs.dispatch();
        jobs.dispatch();
        PostView published = tenants.as(team.manager(), () -> publishing.get(draft.id()));
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        VariantView variant = published.variants().get(0);
        assertThat(variant.externalId()).isNotBlank();
        assertThat(variant.publishedAt()).isNotNull();
        tenants.as(team.admin(), () -> accounts.syncNow(team.sandbox()));
        assertThat(tenants.as(team.admin(), () -> accounts.recentPosts(team.sandbox(), 50)))
                .filteredOn(p -> p.text() != null && p.text().contains("médiathèque ouvre le dimanche"))
                .hasSize(1);
        assertThat(tenants.as(team.manager(), () -> publishing.history(draft.id())).entries())
                .extracting(PostHistoryView.Entry::kind).containsExactly("SUBMITTED", "APPROVED", "PUBLISHED");
    }

    @Test
    void refusals() {
        Team team = fixtures.team();
        Team other = fixtures.team();
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.create(post("  ", null, team.sandbox()))))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("messageKey", "publishing.post.empty");
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.create(post("Bonjour", 
                clock.instant().minusSeconds(3600), team.sandbox()))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.schedule.past");
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.create(post("Bonjour", null,
                other.sandbox()))))
                .isInstanceOf(NotFoundException.class);
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post("x".repeat(2100), null,
                team.sandbox())));
        assertThat(tenants.as(team.manager(), () -> publishing.check(draft.id())).errors())
                .extracting(CheckFinding::messageKey).contains("draft.textTooLong");
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.checks.errors");
        assertThatThrownBy(() -> tenants.as(other.manager(), () -> publishing.get(draft.id())))
                .isInstanceOf(NotFoundException.class);

        PostView mine = tenants.as(team.director(), () -> publishing.create(post("Conseil municipal jeudi à 19 h.",
                clock.instant().plusSeconds(7200), team.sandbox())));
        tenants.as(team.director(), () -> publishing.submit(mine.id(), Set.of()));
        assertThatThrownBy(() -> tenants.as(team.director(), () -> publishing.approve(mine.id(), null)))
                .isInstanceOf(ForbiddenException.class);
        PostView sentBack = tenants.as(team.elu(), () -> publishing.requestChanges(mine.id(), "Précisez la salle."));
        assertThat(sentBack.status()).isEqualTo(PostStatus.CHANGES_REQUESTED);
        assertThatThrownBy(() -> tenants.as(team.elu(), () -> publishing.approve(mine.id(), null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anApprovalNotGivenBeforeThePublicationTimeExpires() {
        Team team = fixtures.team();
        PostView draft = tenants.as(team.manager(), () -> publishing.create(post("Collecte des encombrants lundi.",
                clock.instant().plusSeconds(600), team.sandbox())));
        tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of()));
        clock.advance(Duration.ofMinutes(11));
        jobs.dispatch();
        assertThat(tenants.as(team.manager(), () -> publishing.get(draft.id())).status())
                .isEqualTo(PostStatus.APPROVAL_EXPIRED);
        assertThatThrownBy(() -> tenants.as(team.elu(), () -> publishing.approve(draft.id(), null)))
                .isInstanceOf(ConflictException.class);
    }
}

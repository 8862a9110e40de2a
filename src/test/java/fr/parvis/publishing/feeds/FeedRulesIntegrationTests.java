package fr.parvis.publishing.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.feeds.FeedItemDiscovered;
import fr.parvis.channels.feeds.FeedKind;
import fr.parvis.channels.feeds.domain.FeedSource;
import fr.parvis.channels.feeds.domain.FeedSources;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.crisis.CrisisManagement;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** New items of an RSS/Atom source become one draft each (or a publication, when asked explicitly). */
@IntegrationTest
class FeedRulesIntegrationTests {

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    FeedRuleManagement rules;

    @Autowired
    CrisisManagement crisis;

    @Autowired
    FeedSources sources;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private UUID source(Team team) {
        return tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                sources.save(new FeedSource("https://93.184.215.14/rss-" + UUID.randomUUID(), FeedKind.CITY_NEWS,
                        "Actualités", null, Instant.parse("2100-01-01T00:00:00Z"))).id()));
    }

    private static FeedItemDiscovered item(Team team, UUID source, String title) {
        return new FeedItemDiscovered(team.tenant().id(), source, UUID.randomUUID(), "Actualités", title,
                "https://ville.example.fr/actualites/" + UUID.randomUUID(), "Résumé de l'article.", Instant.now());
    }

    private Optional<PostView> deliver(FeedItemDiscovered item) {
        return SystemActor.actFor(item.collectiviteId(), "test", () -> rules.draftFrom(item));
    }

    private List<PostView> feedPosts(Team team) {
        return tenants.as(team.manager(), () -> publishing.list(PostFilter.all(), 0, 200)).stream()
                .filter(p -> p.origin().equals("FEED")).toList();
    }

    @Test
    void anItemBecomesOneDraftEvenWhenDeliveredTwice() {
        Team team = fixtures.team();
        UUID source = source(team);
        FeedItemDiscovered before = item(team, source, "Avant la règle");
        assertThat(deliver(before)).isEmpty();

        FeedRuleView rule = tenants.as(team.director(), () -> rules.save(source,
                new FeedRuleCommand(true, List.of(team.sandbox()), null, false)));
        assertThat(rule.template()).isEqualTo("{titre} {lien}");
        FeedItemDiscovered item = item(team, source, "Travaux rue Victor-Hugo");
        PostView draft = deliver(item).orElseThrow();
        assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(draft.body()).isEqualTo("Travaux rue Victor-Hugo " + item.link());
        assertThat(draft.variants()).singleElement().satisfies(v -> assertThat(v.accountId()).isEqualTo(team.sandbox()));
        PostView again = deliver(item).orElseThrow();
        assertThat(again.id()).isEqualTo(draft.id());
        assertThat(feedPosts(team)).hasSize(1);
    }

    @Test
    void theEventAfterCommitCreatesTheDraft() throws InterruptedException {
        Team team = fixtures.team();
        UUID source = source(team);
        tenants.as(team.admin(), () -> rules.save(source, new FeedRuleCommand(true, List.of(team.sandbox()),
                "{source} : {titre} {lien}", false)));
        FeedItemDiscovered item = item(team, source, "Nouvelle piste cyclable");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(item));
        List<PostView> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = feedPosts(team);
        }
        assertThat(found).singleElement().satisfies(p ->
                assertThat(p.body()).startsWith("Actualités : Nouvelle piste cyclable"));
    }

    @Test
    void autoPublishSchedulesAtOnceUnlessChecksFailOrCrisis() {
        Team team = fixtures.team();
        UUID source = source(team);
        tenants.as(team.admin(), () -> rules.save(source, new FeedRuleCommand(true, List.of(team.sandbox()),
                "{titre} {resume} {lien}", true)));
        PostView published = deliver(item(team, source, "Fermeture exceptionnelle de la piscine")).orElseThrow();
        assertThat(published.status()).isIn(PostStatus.SCHEDULED, PostStatus.PUBLISHED);
        assertThat(published.approvalBypass()).isEqualTo("feed-auto-publish");

        PostView tooLong = deliver(item(team, source, "x".repeat(2100))).orElseThrow();
        assertThat(tooLong.status()).isEqualTo(PostStatus.DRAFT);

        tenants.as(team.director(), () -> crisis.start("Incendie", false));
        PostView duringCrisis = deliver(item(team, source, "Concert au parc")).orElseThrow();
        assertThat(duringCrisis.status()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void rulesAreValidatedAndIsolated() {
        Team team = fixtures.team();
        Team other = fixtures.team();
        UUID source = source(team);
        UUID othersSource = source(other);
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> rules.save(source,
                new FeedRuleCommand(true, List.of(team.sandbox()), null, false))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.as(team.admin(), () -> rules.save(othersSource,
                new FeedRuleCommand(true, List.of(team.sandbox()), null, false))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tenants.as(team.admin(), () -> rules.save(source,
                new FeedRuleCommand(true, List.of(other.sandbox()), null, false))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "feedRule.account.unknown");
        assertThatThrownBy(() -> tenants.as(team.admin(), () -> rules.save(source,
                new FeedRuleCommand(true, List.of(team.sandbox()), "{titre} {auteur}", false))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "feedRule.template.unknownPlaceholder");
        assertThat(tenants.as(other.admin(), () -> rules.list())).extracting(FeedRuleView::sourceId)
                .containsExactly(othersSource);
        // An event naming another collectivité's source does nothing there.
        tenants.as(team.admin(), () -> rules.save(source, new FeedRuleCommand(true, List.of(team.sandbox()), null,
                false)));
        FeedItemDiscovered forged = new FeedItemDiscovered(other.tenant().id(), source, UUID.randomUUID(), "x",
                "Article", "https://ville.example.fr/a", null, Instant.now());
        assertThat(deliver(forged)).isEmpty();
        assertThat(feedPosts(other)).isEmpty();
    }
}

package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.TestImages;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Identité of the communication during the reserve (domain.md §4): a new account and a new format
 * are warned. Fixed dates of the shipped présidentielle 2027 (reserve from 1 October 2026, baseline
 * 1 April to 1 October 2026); today (the test clock is the real date) is in that reserve.
 */
@IntegrationTest
class ReserveIdentityIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final AtomicInteger SIZE = new AtomicInteger(30);

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MediaLibrary library;

    @Autowired
    Posts posts;

    @Autowired
    Variants variants;

    @Autowired
    PlatformTransactionManager transactionManager;

    static Instant paris(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(PARIS).toInstant();
    }

    static final Instant IN_RESERVE = paris(2027, 3, 2);
    static final Instant AFTER_RESERVE = paris(2027, 5, 3);

    private List<CheckFinding> findings(Team team, PostCommand command) {
        return tenants.as(team.manager(), () -> publishing.preview(command)).findings();
    }

    private List<String> codes(Team team, PostCommand command) {
        return findings(team, command).stream().map(CheckFinding::code).toList();
    }

    private static PostCommand post(Instant at, UUID account, String firstComment, List<UUID> media) {
        return new PostCommand(null, "La piscine municipale rouvre lundi, horaires sur le site.", null, null, false,
                at, List.of(new PostCommand.VariantCommand(account, null, firstComment, media)));
    }

    private UUID image(Team team) {
        int size = SIZE.incrementAndGet();
        return tenants.as(team.manager(), () -> library.upload(MediaUpload.image("image" + size + ".png",
                TestImages.png(size, size), "Le bassin de la piscine municipale"))).id().value();
    }

    /** A post published by Parvis on {@code at}, with these media and first comment. */
    private void publishedBefore(Team team, UUID account, Instant at, String firstComment, List<UUID> media) {
        tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Post post = new Post(Post.Origin.API, null, null, "Test");
            post.content(null, "Publication d’avant la réserve", null, null, false);
            post.status(PostStatus.PUBLISHED);
            post.scheduledAt(at);
            posts.saveAndFlush(post);
            Variant variant = new Variant(post.id(), account, Network.SANDBOX);
            variant.content(null, firstComment, media);
            variant.published("ext-" + UUID.randomUUID(), null, at, null);
            variants.save(variant);
        }));
    }

    @Test
    void anAccountWithoutAnyPostBeforeTheReserveIsWarnedAndTheAcknowledgementRecorded() {
        Team team = fixtures.team();
        UUID fresh = fixtures.newSandboxAccount(team.admin());
        String code = "reserve.newAccount." + fresh;

        assertThat(codes(team, post(IN_RESERVE, team.sandbox(), null, List.of())))
                .noneMatch(c -> c.startsWith("reserve.newAccount."));
        CheckFinding warning = findings(team, post(IN_RESERVE, fresh, null, List.of())).stream()
                .filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        assertThat(warning.error()).isFalse();
        assertThat(warning.accountId()).isEqualTo(fresh);
        assertThat(warning.messageKey()).isEqualTo("check.reserve.newAccount");
        assertThat(warning.reference()).isEqualTo("Code électoral L52-1 al. 2 (identité du support)");
        assertThat(warning.arguments()).contains("1 octobre 2026");
        assertThat(codes(team, post(AFTER_RESERVE, fresh, null, List.of())))
                .noneMatch(c -> c.startsWith("reserve.newAccount."));

        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(IN_RESERVE, fresh, null, List.of())));
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.checks.warnings");
        PostView submitted = tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of(code)));
        assertThat(submitted.status()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(tenants.as(team.manager(), () -> publishing.history(draft.id())).entries())
                .filteredOn(e -> e.kind().equals("ACKNOWLEDGED")).extracting(PostHistoryView.Entry::text)
                .containsExactly(code);
    }

    @Test
    void anOlderHistoryOnTheNetworkOrInParvisMakesAnAccountConnectedDuringTheReserveAnEstablishedOne() {
        Team team = fixtures.team();
        UUID readFromNetwork = fixtures.newSandboxAccount(team.admin());
        fixtures.postedOnNetwork(team.admin(), readFromNetwork, paris(2026, 9, 30));
        UUID startedInReserve = fixtures.newSandboxAccount(team.admin());
        fixtures.postedOnNetwork(team.admin(), startedInReserve, paris(2026, 10, 2));
        UUID publishedByParvis = fixtures.newSandboxAccount(team.admin());
        publishedBefore(team, publishedByParvis, paris(2026, 6, 10), null, List.of());

        assertThat(codes(team, post(IN_RESERVE, readFromNetwork, null, List.of())))
                .noneMatch(c -> c.startsWith("reserve.newAccount."));
        assertThat(codes(team, post(IN_RESERVE, publishedByParvis, null, List.of())))
                .noneMatch(c -> c.startsWith("reserve.newAccount."));
        assertThat(codes(team, post(IN_RESERVE, startedInReserve, null, List.of())))
                .contains("reserve.newAccount." + startedInReserve);
    }

    @Test
    void aFormatNotUsedInTheSixMonthsBeforeTheReserveIsWarned() {
        Team team = fixtures.team();
        UUID first = image(team);
        UUID second = image(team);
        UUID third = image(team);
        // Without any post published by Parvis before the reserve, formats are not judged.
        assertThat(codes(team, post(IN_RESERVE, team.sandbox(), "Suite du fil", List.of(first, second))))
                .noneMatch(c -> c.startsWith("reserve.newFormat."));

        // Baseline (1 April to 1 October 2026): single images only; a thread in March is too old.
        publishedBefore(team, team.sandbox(), paris(2026, 5, 12), null, List.of(first));
        publishedBefore(team, team.sandbox(), paris(2026, 3, 20), "Un fil ancien", List.of());

        assertThat(codes(team, post(IN_RESERVE, team.sandbox(), null, List.of(third))))
                .noneMatch(c -> c.startsWith("reserve.newFormat."));
        assertThat(codes(team, post(IN_RESERVE, team.sandbox(), null, List.of())))
                .noneMatch(c -> c.startsWith("reserve.newFormat."));
        List<CheckFinding> findings = findings(team, post(IN_RESERVE, team.sandbox(), "Suite du fil",
                List.of(second, third)));
        assertThat(findings).extracting(CheckFinding::code).filteredOn(c -> c.startsWith("reserve.newFormat."))
                .containsExactlyInAnyOrder("reserve.newFormat.GALLERY", "reserve.newFormat.THREAD");
        CheckFinding gallery = findings.stream().filter(f -> f.code().equals("reserve.newFormat.GALLERY"))
                .findFirst().orElseThrow();
        assertThat(gallery.error()).isFalse();
        assertThat(gallery.messageKey()).isEqualTo("check.reserve.newFormat.GALLERY");
        assertThat(gallery.reference()).isEqualTo("Code électoral L52-1 al. 2 (identité du format)");
        assertThat(gallery.arguments()).contains("1 avril 2026", "1 octobre 2026");
        assertThat(codes(team, post(AFTER_RESERVE, team.sandbox(), "Suite du fil", List.of(second, third))))
                .noneMatch(c -> c.startsWith("reserve.newFormat."));

        // Once a gallery was published in the baseline, it is a known format.
        publishedBefore(team, team.sandbox(), paris(2026, 9, 2), null, List.of(first, second));
        assertThat(codes(team, post(IN_RESERVE, team.sandbox(), "Suite du fil", List.of(second, third))))
                .filteredOn(c -> c.startsWith("reserve.newFormat.")).containsExactly("reserve.newFormat.THREAD");
    }
}

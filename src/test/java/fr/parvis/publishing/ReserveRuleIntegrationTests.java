package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.domain.CircuitSettings;
import fr.parvis.publishing.domain.CircuitSettingsRecords;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pre-election checks in the composer, with fixed dates of the shipped calendar (présidentielle
 * 11 and 25 April 2027: reserve from 1 October 2026, freezes 10 April 00:00 → 11 April 20:00 and
 * 24 April 00:00 → 25 April 20:00, Paris time). Today (the test clock is the real date, after
 * 1 October 2026) is in that reserve.
 */
@IntegrationTest
class ReserveRuleIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    CircuitSettingsRecords settings;

    @Autowired
    PlatformTransactionManager transactionManager;

    static Instant paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }

    private List<String> codes(Team team, PostCommand command) {
        return tenants.as(team.manager(), () -> publishing.preview(command)).findings().stream()
                .map(CheckFinding::code).toList();
    }

    private static PostCommand post(String body, boolean boosted, Instant at, UUID account) {
        return new PostCommand(null, body, null, null, boosted, at,
                List.of(new PostCommand.VariantCommand(account, null, null, List.of())));
    }

    @Test
    void aBoostIsRefusedDuringTheReserveAndAllowedAfterIt() {
        Team team = fixtures.team();
        String text = "Le marché de Noël ouvre samedi place de la Mairie.";
        Instant inReserve = paris(2027, 3, 2, 10, 0);
        Instant afterReserve = paris(2027, 5, 3, 10, 0);
        assertThat(codes(team, post(text, true, inReserve, team.sandbox()))).contains("reserve.boost");
        assertThat(codes(team, post(text, false, inReserve, team.sandbox()))).doesNotContain("reserve.boost");
        assertThat(codes(team, post(text, true, afterReserve, team.sandbox()))).doesNotContain("reserve.boost");

        PostView boosted = tenants.as(team.manager(), () -> publishing.create(post(text, true, inReserve,
                team.sandbox())));
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.submit(boosted.id(), Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.checks.errors");
    }

    @Test
    void theEveOfPollFreezeBlocksFromMidnightOnTheEveToEightPmOnPollingDay() {
        Team team = fixtures.team();
        String text = "Bureaux de vote\u00a0: horaires et adresses sur le site de la ville.";
        assertThat(codes(team, post(text, false, paris(2027, 4, 9, 23, 59), team.sandbox())))
                .doesNotContain("reserve.freeze");
        assertThat(codes(team, post(text, false, paris(2027, 4, 10, 0, 0), team.sandbox())))
                .contains("reserve.freeze");
        assertThat(codes(team, post(text, false, paris(2027, 4, 11, 19, 59), team.sandbox())))
                .contains("reserve.freeze");
        assertThat(codes(team, post(text, false, paris(2027, 4, 11, 20, 0), team.sandbox())))
                .doesNotContain("reserve.freeze");
        assertThat(codes(team, post(text, false, paris(2027, 4, 24, 12, 0), team.sandbox())))
                .contains("reserve.freeze");
        CheckFinding freeze = tenants.as(team.manager(), () -> publishing.preview(post(text, false,
                paris(2027, 4, 10, 9, 0), team.sandbox()))).findings().stream()
                .filter(f -> f.code().equals("reserve.freeze")).findFirst().orElseThrow();
        assertThat(freeze.error()).isTrue();
        assertThat(freeze.reference()).isEqualTo("Code électoral L49");
    }

    @Test
    void neutralityWarningsOnFrenchTextsMustBeAcknowledgedAndAreRecorded() {
        Team team = fixtures.team();
        Instant at = paris(2027, 2, 15, 9, 0);
        List<String> risky = List.of(
                "Grâce à l’équipe municipale, la nouvelle école est ouverte.",
                "Nous avons réalisé la piste cyclable promise : promesse tenue !",
                "Notre bilan de mandat : 12 crèches, 3 gymnases.");
        for (String text : risky) {
            assertThat(codes(team, post(text, false, at, team.sandbox())))
                    .as(text).anyMatch(code -> code.startsWith("reserve.neutrality."));
        }
        assertThat(codes(team, post("Les travaux de la rue Victor-Hugo se terminent le 12 mars. Circulation alternée.",
                false, at, team.sandbox()))).noneMatch(code -> code.startsWith("reserve.neutrality."));
        assertThat(codes(team, post("Grâce à l’équipe municipale, la nouvelle école est ouverte.", false,
                paris(2027, 5, 10, 9, 0), team.sandbox()))).noneMatch(code -> code.startsWith("reserve."));

        PostView draft = tenants.as(team.manager(), () -> publishing.create(post(risky.get(0), false, at,
                team.sandbox())));
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> publishing.submit(draft.id(), Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.checks.warnings");
        Set<String> warnings = tenants.as(team.manager(), () -> publishing.check(draft.id())).warnings().stream()
                .map(CheckFinding::code).collect(Collectors.toSet());
        PostView submitted = tenants.as(team.manager(), () -> publishing.submit(draft.id(), warnings));
        assertThat(submitted.status()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(tenants.as(team.manager(), () -> publishing.history(draft.id())).entries())
                .filteredOn(e -> e.kind().equals("ACKNOWLEDGED")).extracting(PostHistoryView.Entry::text)
                .containsExactlyInAnyOrderElementsOf(warnings);
        assertThat(tenants.as(team.manager(), () -> publishing.check(draft.id())).unacknowledgedWarnings()).isEmpty();
    }

    @Test
    void relayingACandidatesAccountIsRefusedAndNamingThemWarned() {
        Team team = fixtures.team();
        tenants.as(team.admin(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            CircuitSettings circuit = settings.findFirstBy().orElseGet(CircuitSettings::defaults);
            circuit.reserveNames(List.of("Jeanne Martin", "@jeanne-martin-2027"));
            settings.save(circuit);
        }));
        Instant at = paris(2027, 3, 1, 9, 0);
        assertThat(codes(team, post("À lire : le programme de @jeanne-martin-2027 pour la ville", false, at,
                team.sandbox()))).contains("reserve.relay.@jeanne-martin-2027");
        assertThat(codes(team, post("Jeanne Martin a inauguré la fête du quartier.", false, at, team.sandbox())))
                .anyMatch(code -> code.startsWith("reserve.neutrality."));
    }
}

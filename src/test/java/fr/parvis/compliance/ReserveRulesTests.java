package fr.parvis.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.shared.CollectiviteId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dates of the Code électoral on fixed examples (Paris time, summer and winter). */
class ReserveRulesTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final CollectiviteId COMMUNE = new CollectiviteId(UUID.randomUUID());

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    static ElectionView presidentielle2027() {
        return ElectionBook.view(UUID.randomUUID(), ElectionScope.NATIONAL, ElectionKind.PRESIDENTIELLE,
                "Élection présidentielle 2027", List.of(LocalDate.parse("2027-04-11"), LocalDate.parse("2027-04-25")),
                false, false, true, false, paris("2026-11-28T12:00"));
    }

    @Test
    void presidentielle2027ReserveStartsOnFirstOctober2026AndEndsAfterTheSecondRound() {
        ElectionView election = presidentielle2027();
        assertThat(election.reserveStart()).isEqualTo(paris("2026-10-01T00:00"));
        assertThat(election.reserveStart()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(election.reserveEnd()).isEqualTo(paris("2027-04-26T00:00")).isAfter(paris("2027-04-25T23:59"));
        assertThat(election.status()).isEqualTo(ElectionStatus.IN_PROGRESS);
        assertThat(election.reserveFirstDay()).isEqualTo(LocalDate.parse("2026-10-01"));
    }

    @Test
    void eachRoundIsFrozenFromMidnightOnTheEveToEightPmOnPollingDay() {
        ElectionView election = presidentielle2027();
        assertThat(election.freezes()).containsExactly(
                new Interval(paris("2027-04-10T00:00"), paris("2027-04-11T20:00")),
                new Interval(paris("2027-04-24T00:00"), paris("2027-04-25T20:00")));
        // summer time in Paris: UTC+2
        assertThat(election.freezes().get(0).end()).isEqualTo(Instant.parse("2027-04-11T18:00:00Z"));
    }

    @Test
    void theSituationSaysReserveFreezeAndNextFreeze() {
        List<ElectionView> elections = List.of(presidentielle2027());

        ReserveSituation before = ElectionCalendar.situation(COMMUNE, paris("2026-09-30T23:59"), elections);
        assertThat(before.inReserve()).isFalse();
        assertThat(before.elections()).isEmpty();
        assertThat(before.baseline()).isEmpty();
        assertThat(before.nextFreeze().start()).isEqualTo(paris("2027-04-10T00:00"));

        ReserveSituation first = ElectionCalendar.situation(COMMUNE, paris("2026-10-01T00:00"), elections);
        assertThat(first.inReserve()).isTrue();
        assertThat(first.reserveStart()).isEqualTo(paris("2026-10-01T00:00"));
        assertThat(first.lastDay()).isEqualTo(LocalDate.parse("2027-04-25"));
        assertThat(first.freeze()).isFalse();
        assertThat(first.baseline()).contains(new Interval(paris("2026-04-01T00:00"), paris("2026-10-01T00:00")));
        assertThat(first.electionNames()).isEqualTo("Élection présidentielle 2027");

        assertThat(ElectionCalendar.situation(COMMUNE, paris("2027-04-09T23:59"), elections).freeze()).isFalse();
        ReserveSituation eve = ElectionCalendar.situation(COMMUNE, paris("2027-04-10T00:00"), elections);
        assertThat(eve.freeze()).isTrue();
        assertThat(eve.currentFreeze().end()).isEqualTo(paris("2027-04-11T20:00"));
        assertThat(eve.nextFreeze().start()).isEqualTo(paris("2027-04-24T00:00"));
        ReserveSituation closed = ElectionCalendar.situation(COMMUNE, paris("2027-04-11T20:00"), elections);
        assertThat(closed.freeze()).isFalse();
        assertThat(closed.inReserve()).isTrue();

        assertThat(ElectionCalendar.situation(COMMUNE, paris("2027-04-25T23:59"), elections).inReserve()).isTrue();
        ReserveSituation after = ElectionCalendar.situation(COMMUNE, paris("2027-04-26T00:00"), elections);
        assertThat(after.inReserve()).isFalse();
        assertThat(after.nextFreeze()).isNull();
    }

    @Test
    void aReserveStartsOnTheFirstDayOfTheSixthMonthBefore() {
        // March 2028 → 1 September 2027; a one-round election on 31 January → 1 July the year before
        assertThat(ReserveRules.reserveStart(LocalDate.parse("2028-03-19"))).isEqualTo(paris("2027-09-01T00:00"));
        assertThat(ReserveRules.reserveStart(LocalDate.parse("2029-01-31"))).isEqualTo(paris("2028-07-01T00:00"));
        assertThat(ReserveRules.reserveEnd(LocalDate.parse("2028-03-19"))).isEqualTo(paris("2028-03-20T00:00"));
    }
}

package fr.parvis.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The dates of the Code électoral, computed from the rounds of an election (dates in
 * Europe/Paris; overseas collectivités voting a day early are not modelled).
 * <ul>
 * <li>L52-1 al. 2: the reserve starts on the first day of the sixth month before the month of the
 * first round, at 00:00.</li>
 * <li>It ends at the end of the decisive round's day: the second round when there is one. When a
 * first round decides (a list wins outright), the collectivité edits the election to remove its
 * second round.</li>
 * <li>L49: from 00:00 on the eve of each round to 20:00 (close of the last polling stations) on the
 * day of the round, no electoral propaganda by electronic means: the freeze.</li>
 * </ul>
 */
public final class ReserveRules {

    /** The zone election dates are read in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** Polls close at 20:00 in the largest cities. */
    public static final LocalTime POLLS_CLOSE = LocalTime.of(20, 0);

    /** Months of the L52-1 window, and of the baseline before it. */
    public static final int RESERVE_MONTHS = 6;

    private ReserveRules() {
    }

    public static Instant reserveStart(LocalDate firstRound) {
        return firstRound.withDayOfMonth(1).minusMonths(RESERVE_MONTHS).atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: 00:00 the day after the decisive round. */
    public static Instant reserveEnd(LocalDate decisiveRound) {
        return decisiveRound.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The L49 freeze of one round. */
    public static Interval freeze(LocalDate round) {
        return new Interval(round.minusDays(1).atStartOfDay(ZONE).toInstant(),
                round.atTime(POLLS_CLOSE).atZone(ZONE).toInstant());
    }

    public static List<Interval> freezes(List<LocalDate> rounds) {
        return rounds.stream().map(ReserveRules::freeze).toList();
    }

    /** The six months before a reserve start: the rhythm of publication to compare with. */
    public static Interval baseline(Instant reserveStart) {
        return new Interval(reserveStart.atZone(ZONE).minusMonths(RESERVE_MONTHS).toInstant(), reserveStart);
    }
}

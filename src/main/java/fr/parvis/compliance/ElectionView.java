package fr.parvis.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An election as it applies to the current collectivité (a shipped election with the
 * collectivité's own changes, or one it added), with its reserve period and L49 freezes.
 *
 * @param rounds one or two dates (Europe/Paris), in order
 * @param tentative the dates are expected ones, to be confirmed by decree ("dates à confirmer")
 * @param hidden the collectivité hid it for itself: it does not count for the reserve
 * @param shipped shipped with Parvis (platform-wide) rather than added by the collectivité
 * @param overridden a shipped election whose dates the collectivité changed
 * @param reserveStart 00:00 on the first day of the sixth month before the first round's month
 * @param reserveEnd exclusive: 00:00 the day after the decisive round
 * @param freezes the L49 freeze of each round, from 00:00 on the eve to 20:00 on the day
 * @param status against the reserve period, at the time the view was made
 */
public record ElectionView(UUID id, ElectionScope scope, ElectionKind kind, String name, List<LocalDate> rounds,
        boolean tentative, boolean hidden, boolean shipped, boolean overridden, Instant reserveStart,
        Instant reserveEnd, List<Interval> freezes, ElectionStatus status) {

    public ElectionView {
        rounds = List.copyOf(rounds);
        freezes = List.copyOf(freezes);
    }

    public LocalDate firstRound() {
        return rounds.get(0);
    }

    /** The second round when there is one, else {@code null}. */
    public LocalDate secondRound() {
        return rounds.size() > 1 ? rounds.get(1) : null;
    }

    /** The round that ends the reserve (the last one). */
    public LocalDate decisiveRound() {
        return rounds.get(rounds.size() - 1);
    }

    /** The first day of the reserve period. */
    public LocalDate reserveFirstDay() {
        return reserveStart.atZone(ReserveRules.ZONE).toLocalDate();
    }

    public Interval reserve() {
        return new Interval(reserveStart, reserveEnd);
    }
}

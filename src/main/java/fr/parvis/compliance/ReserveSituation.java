package fr.parvis.compliance;

import fr.parvis.shared.CollectiviteId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a collectivité is in a pre-election reserve period at an instant (Code électoral L52-1)
 * and in an eve-of-poll freeze (L49).
 *
 * @param inReserve {@code at} is within the reserve of at least one election concerning the collectivité
 * @param elections the elections whose reserve contains {@code at} (in {@link ElectionCalendar#upcoming}, the one
 *     election the situation is about, whose
 *     window is then given even before its reserve starts)
 * @param reserveStart the earliest start of those reserves ({@code null} when there is none)
 * @param reserveEnd the latest (exclusive) end of those reserves ({@code null} when there is none)
 * @param lastDay the last day of the reserve (the decisive round), {@code null} when there is none
 * @param freeze {@code at} is within an L49 freeze
 * @param currentFreeze that freeze, or {@code null}
 * @param nextFreeze the next freeze starting after {@code at}, or {@code null}
 */
public record ReserveSituation(CollectiviteId collectivite, Instant at, boolean inReserve, List<ElectionView> elections,
        Instant reserveStart, Instant reserveEnd, LocalDate lastDay, boolean freeze, Interval currentFreeze,
        Interval nextFreeze) {

    public ReserveSituation {
        elections = List.copyOf(elections);
    }

    /** The six months before the reserve start: the publication rhythm to compare with. */
    public Optional<Interval> baseline() {
        return reserveStart == null ? Optional.empty() : Optional.of(ReserveRules.baseline(reserveStart));
    }

    /** The names of the elections concerned, separated by commas. */
    public String electionNames() {
        return elections.stream().map(ElectionView::name).collect(Collectors.joining(", "));
    }
}

package fr.parvis.compliance;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.access.SystemActor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reserve-period rules applied to a collectivité's election calendar (Code électoral L52-1 al.
 * 1 and 2, L49; dates in {@link ReserveRules}). Hidden elections do not count.
 *
 * <p>Callable from a request (for the current collectivité, in or out of a transaction) and from a
 * job: when {@code collectivite} is not the current one, the calendar acts for it through
 * {@link SystemActor#actFor}, which must happen outside any transaction (a Hibernate session's
 * collectivité is fixed when it opens).
 */
@Service
public class ElectionCalendar {

    private final ElectionBook book;
    private final CollectiviteManagement collectivites;
    private final TransactionTemplate transaction;

    ElectionCalendar(ElectionBook book, CollectiviteManagement collectivites,
            PlatformTransactionManager transactionManager) {
        this.book = book;
        this.collectivites = collectivites;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** Where {@code collectivite} stands at {@code at}: in a reserve period, in an L49 freeze, the next freeze. */
    public ReserveSituation situation(CollectiviteId collectivite, Instant at) {
        Objects.requireNonNull(at, "at");
        return withElections(collectivite, at, elections -> situation(collectivite, at, elections));
    }

    /**
     * The reserve periods of the elections concerning {@code collectivite} that are in force at
     * {@code at} or start within {@code horizon}, one situation per election, by reserve start.
     */
    public List<ReserveSituation> upcoming(CollectiviteId collectivite, Instant at, Duration horizon) {
        Objects.requireNonNull(at, "at");
        Instant until = at.plus(horizon.isNegative() ? Duration.ZERO : horizon);
        return withElections(collectivite, at, elections -> elections.stream()
                .filter(e -> e.reserveEnd().isAfter(at) && e.reserveStart().isBefore(until))
                .sorted(Comparator.comparing(ElectionView::reserveStart))
                .map(e -> of(collectivite, at, e))
                .toList());
    }

    /**
     * The six months before the start of the reserve in force at {@code at} (the publication rhythm
     * the reserve is compared with); empty when {@code at} is in no reserve.
     */
    public Optional<Interval> baselineWindow(CollectiviteId collectivite, Instant at) {
        return situation(collectivite, at).baseline();
    }

    private <T> T withElections(CollectiviteId collectivite, Instant at, Function<List<ElectionView>, T> work) {
        Objects.requireNonNull(collectivite, "collectivite");
        if (Tenancy.current().filter(collectivite::equals).isPresent()) {
            return transaction.execute(status -> work.apply(visible(at)));
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The situation of another collectivité is computed outside any transaction");
        }
        return SystemActor.actFor(collectivite, "election calendar",
                () -> transaction.execute(status -> work.apply(visible(at))));
    }

    private List<ElectionView> visible(Instant at) {
        return book.concerning(collectivites.current().type(), at).stream().filter(e -> !e.hidden()).toList();
    }

    static ReserveSituation situation(CollectiviteId collectivite, Instant at, List<ElectionView> elections) {
        List<ElectionView> inForce = elections.stream().filter(e -> e.reserve().contains(at)).toList();
        Instant start = inForce.stream().map(ElectionView::reserveStart).min(Comparator.naturalOrder()).orElse(null);
        Instant end = inForce.stream().map(ElectionView::reserveEnd).max(Comparator.naturalOrder()).orElse(null);
        LocalDate lastDay = inForce.stream().map(ElectionView::decisiveRound).max(Comparator.naturalOrder())
                .orElse(null);
        List<Interval> freezes = elections.stream().flatMap(e -> e.freezes().stream()).toList();
        Interval current = freezes.stream().filter(f -> f.contains(at)).findFirst().orElse(null);
        Interval next = freezes.stream().filter(f -> f.start().isAfter(at))
                .min(Comparator.comparing(Interval::start)).orElse(null);
        return new ReserveSituation(collectivite, at, !inForce.isEmpty(), inForce, start, end, lastDay,
                current != null, current, next);
    }

    /** The situation about one election, whether its reserve has started or not. */
    static ReserveSituation of(CollectiviteId collectivite, Instant at, ElectionView election) {
        Interval current = election.freezes().stream().filter(f -> f.contains(at)).findFirst().orElse(null);
        Interval next = election.freezes().stream().filter(f -> f.start().isAfter(at)).findFirst().orElse(null);
        return new ReserveSituation(collectivite, at, election.reserve().contains(at), List.of(election),
                election.reserveStart(), election.reserveEnd(), election.decisiveRound(), current != null, current,
                next);
    }
}

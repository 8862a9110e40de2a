package fr.parvis.compliance;

import fr.parvis.compliance.domain.ElectionOverride;
import fr.parvis.compliance.domain.ElectionOverrides;
import fr.parvis.compliance.domain.LocalElection;
import fr.parvis.compliance.domain.LocalElections;
import fr.parvis.compliance.domain.PlatformElection;
import fr.parvis.territory.CollectiviteType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The elections of the current collectivité: the shipped ones its type is concerned by, with its
 * own changes applied, and the ones it added. Callers run inside a transaction of that collectivité.
 */
@Component
class ElectionBook {

    private final ShippedElections shipped;
    private final ElectionOverrides overrides;
    private final LocalElections locals;

    ElectionBook(ShippedElections shipped, ElectionOverrides overrides, LocalElections locals) {
        this.shipped = shipped;
        this.overrides = overrides;
        this.locals = locals;
    }

    /** Every election concerning a collectivité of this type (hidden ones included), by first round. */
    List<ElectionView> concerning(CollectiviteType type, Instant now) {
        Map<UUID, ElectionOverride> changes = overrides.findAllBy().stream()
                .collect(Collectors.toMap(ElectionOverride::electionId, Function.identity()));
        List<ElectionView> views = new ArrayList<>();
        for (PlatformElection election : shipped.all()) {
            if (election.kind().concernedTypes().contains(type)) {
                views.add(view(election, changes.get(election.id()), now));
            }
        }
        for (LocalElection election : locals.findAllByOrderByFirstRoundAsc()) {
            views.add(view(election, now));
        }
        views.sort(Comparator.comparing(ElectionView::firstRound).thenComparing(ElectionView::name));
        return views;
    }

    static ElectionView view(PlatformElection election, ElectionOverride change, Instant now) {
        boolean redated = change != null && change.datesOverridden();
        List<LocalDate> rounds = redated ? rounds(change.firstRound(), change.secondRound())
                : rounds(election.firstRound(), election.secondRound());
        boolean tentative = redated ? change.tentative() : election.tentative();
        return view(election.id(), election.kind().national() ? ElectionScope.NATIONAL : ElectionScope.BY_TYPE,
                election.kind(), election.name(), rounds, tentative, change != null && change.hidden(), true, redated,
                now);
    }

    static ElectionView view(LocalElection election, Instant now) {
        return view(election.id(), ElectionScope.LOCAL, election.kind(), election.name(),
                rounds(election.firstRound(), election.secondRound()), election.tentative(), election.hidden(), false,
                false, now);
    }

    static ElectionView view(UUID id, ElectionScope scope, ElectionKind kind, String name, List<LocalDate> rounds,
            boolean tentative, boolean hidden, boolean shipped, boolean overridden, Instant now) {
        Instant start = ReserveRules.reserveStart(rounds.get(0));
        Instant end = ReserveRules.reserveEnd(rounds.get(rounds.size() - 1));
        ElectionStatus status = now.isBefore(start) ? ElectionStatus.UPCOMING
                : now.isBefore(end) ? ElectionStatus.IN_PROGRESS : ElectionStatus.PAST;
        return new ElectionView(id, scope, kind, name, rounds, tentative, hidden, shipped, overridden, start, end,
                ReserveRules.freezes(rounds), status);
    }

    static List<LocalDate> rounds(LocalDate first, LocalDate second) {
        return second == null ? List.of(first) : List.of(first, second);
    }
}

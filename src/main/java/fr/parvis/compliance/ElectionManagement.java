package fr.parvis.compliance;

import fr.parvis.compliance.domain.ElectionOverride;
import fr.parvis.compliance.domain.ElectionOverrides;
import fr.parvis.compliance.domain.LocalElection;
import fr.parvis.compliance.domain.LocalElections;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The election calendar of the current collectivité: the shipped general elections that concern
 * it (see {@link ElectionKind#concernedTypes()}), which it may re-date or hide for itself, and the
 * ad-hoc or partial elections it adds. Every member reads it; changing it takes
 * {@link Permission#PUBLISHING_SETTINGS}, and every change is audited. The reserve rules that follow
 * from it are {@link ElectionCalendar}'s.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ElectionManagement {

    public static final int MAX_NAME = 120;

    /** Elections a collectivité may add for itself. */
    public static final int MAX_LOCAL_ELECTIONS = 100;

    /** How far ahead a round may be. */
    public static final int MAX_YEARS_AHEAD = 10;

    /** Longest gap between the two rounds. */
    public static final int MAX_DAYS_BETWEEN_ROUNDS = 28;

    private final ElectionBook book;
    private final ElectionOverrides overrides;
    private final LocalElections locals;
    private final CollectiviteManagement collectivites;
    private final AuditTrail audit;
    private final Clock clock;

    ElectionManagement(ElectionBook book, ElectionOverrides overrides, LocalElections locals,
            CollectiviteManagement collectivites, AuditTrail audit, Clock clock) {
        this.book = book;
        this.overrides = overrides;
        this.locals = locals;
        this.collectivites = collectivites;
        this.audit = audit;
        this.clock = clock;
    }

    /** The elections concerning the current collectivité, hidden ones included, by first round. */
    public List<ElectionView> list() {
        return book.concerning(collectivites.current().type(), clock.instant());
    }

    /** One of them; an election that does not concern the collectivité is not found. */
    public ElectionView get(UUID id) {
        return list().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("elections.notFound"));
    }

    /** Adds an ad-hoc or partial election, concerning the current collectivité only. */
    @Transactional
    public ElectionView create(@Valid ElectionDraft draft) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        List<LocalDate> rounds = checkRounds(draft.rounds(), null);
        if (locals.countBy() >= MAX_LOCAL_ELECTIONS) {
            throw new InvalidInputException("elections.tooMany", null, MAX_LOCAL_ELECTIONS);
        }
        String name = Texts.clean(draft.name());
        UUID by = Actors.currentAgent().map(agent -> agent.userId().value()).orElse(null);
        LocalElection election = locals.saveAndFlush(new LocalElection(draft.kind(), name, rounds.get(0),
                rounds.size() > 1 ? rounds.get(1) : null, draft.tentative(), by));
        audit.record(new AuditRecord("elections.created", "election", election.id().toString(), name,
                AuditDetails.of("kind", draft.kind().name(), "rounds", text(rounds), "tentative",
                        String.valueOf(draft.tentative()))));
        return ElectionBook.view(election, clock.instant());
    }

    /**
     * Changes an election: its dates (both rounds: to record that a first round decided, send the
     * first round alone), whether they are to be confirmed, whether it is hidden for the collectivité
     * and, for its own elections, the kind and name. An election whose decisive round is over can
     * only be hidden or shown.
     */
    @Transactional
    public ElectionView update(UUID id, @Valid ElectionChange change) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        ElectionView current = get(id);
        boolean redate = change.rounds() != null || change.tentative() != null;
        boolean describe = !current.shipped() && (change.kind() != null || change.name() != null);
        if ((redate || describe) && current.decisiveRound().isBefore(today())) {
            throw new InvalidInputException("elections.past", "rounds");
        }
        List<LocalDate> rounds = change.rounds() == null ? current.rounds()
                : checkRounds(change.rounds(), current.firstRound());
        boolean tentative = change.tentative() == null ? current.tentative() : change.tentative();
        String name = change.name() == null ? current.name() : Texts.clean(change.name());
        if (describe && (name == null || name.isEmpty())) {
            throw new InvalidInputException("elections.name.required", "name");
        }
        LocalDate second = rounds.size() > 1 ? rounds.get(1) : null;
        if (current.shipped()) {
            ElectionOverride override = overrides.findByElectionId(id)
                    .orElseGet(() -> overrides.save(new ElectionOverride(id, current.tentative())));
            if (redate) {
                override.redate(rounds.get(0), second, tentative);
            }
            if (change.hidden() != null) {
                override.hide(change.hidden());
            }
            try {
                overrides.flush();
            } catch (DataIntegrityViolationException e) {
                // the same election changed at the same instant by someone else of the collectivité
                throw new ConflictException("elections.conflict", null);
            }
        } else {
            LocalElection election = locals.findById(id).orElseThrow(() -> new NotFoundException("elections.notFound"));
            if (describe) {
                election.describe(change.kind() == null ? election.kind() : change.kind(), name);
            }
            if (redate) {
                election.redate(rounds.get(0), second, tentative);
            }
            if (change.hidden() != null) {
                election.hide(change.hidden());
            }
            locals.flush();
        }
        ElectionView updated = get(id);
        String action = change.hidden() != null && change.hidden() != current.hidden() && !redate && !describe
                ? (change.hidden() ? "elections.hidden" : "elections.shown") : "elections.updated";
        audit.record(new AuditRecord(action, "election", id.toString(), updated.name(),
                AuditDetails.of("rounds", text(current.rounds()) + " -> " + text(updated.rounds()), "tentative",
                        String.valueOf(updated.tentative()), "hidden", String.valueOf(updated.hidden()))));
        return updated;
    }

    /** Hides (or shows again) an election for the current collectivité. */
    @Transactional
    public ElectionView hide(UUID id, boolean hidden) {
        return update(id, new ElectionChange(null, null, null, null, hidden));
    }

    /**
     * One or two rounds, in order, at most {@value #MAX_DAYS_BETWEEN_ROUNDS} days apart, the last
     * at most {@value #MAX_YEARS_AHEAD} years ahead and not in the past (unless the first round is
     * kept as it was: the collectivité records that a first round decided).
     */
    private List<LocalDate> checkRounds(List<LocalDate> rounds, LocalDate previousFirst) {
        if (rounds == null || rounds.isEmpty() || rounds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("elections.rounds.required", "rounds");
        }
        if (rounds.size() > 2) {
            throw new InvalidInputException("elections.rounds.tooMany", "rounds");
        }
        LocalDate first = rounds.get(0);
        LocalDate last = rounds.get(rounds.size() - 1);
        if (rounds.size() == 2 && !last.isAfter(first)) {
            throw new InvalidInputException("elections.rounds.order", "rounds");
        }
        if (rounds.size() == 2 && last.isAfter(first.plusDays(MAX_DAYS_BETWEEN_ROUNDS))) {
            throw new InvalidInputException("elections.rounds.gap", "rounds", MAX_DAYS_BETWEEN_ROUNDS);
        }
        LocalDate today = today();
        if (last.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidInputException("elections.rounds.tooFar", "rounds", MAX_YEARS_AHEAD);
        }
        if (last.isBefore(today) && !first.equals(previousFirst)) {
            throw new InvalidInputException("elections.rounds.past", "rounds");
        }
        return List.copyOf(rounds);
    }

    private LocalDate today() {
        return clock.instant().atZone(ReserveRules.ZONE).toLocalDate();
    }

    private static String text(List<LocalDate> rounds) {
        return rounds.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}

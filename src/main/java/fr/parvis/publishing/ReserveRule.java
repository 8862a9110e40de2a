package fr.parvis.publishing;

import fr.parvis.compliance.ElectionCalendar;
import fr.parvis.compliance.ElectionView;
import fr.parvis.compliance.Interval;
import fr.parvis.compliance.ReserveSituation;
import fr.parvis.language.NeutralityContext;
import fr.parvis.language.NeutralityLint;
import fr.parvis.language.TextFinding;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.persistence.TransactionMemo;
import fr.parvis.shared.tenancy.Tenancy;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The pre-election rules (Code électoral; domain.md §4), at the post's publication time in the
 * collectivité's election calendar: during a reserve period, paid boosts are refused (L52-1 al. 1),
 * relaying a candidate's or a party's account is refused (L52-8), naming them and risky wording
 * (bilan, praise of the team, promises) are warned (L52-1 al. 2, neutrality), a rhythm above the
 * pre-reserve baseline is warned (régularité), a new account or a new format is warned (identité,
 * see {@link PostFormat}); during the eve-of-poll freeze nothing is published
 * (L49) except the crisis alerts, whose bypass is recorded.
 */
@Component
class ReserveRule implements PostRule {

    /** A rhythm this much above the baseline's monthly average is warned. */
    static final double RHYTHM_TOLERANCE = 1.2;

    /** Posts allowed above the tolerance (a collectivité that hardly published before may post a little). */
    static final int RHYTHM_SLACK = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    /** How many posts of the baseline are read to know the formats used before the reserve. */
    static final int BASELINE_VARIANTS = 5000;

    private final ElectionCalendar calendar;
    private final NeutralityLint neutrality;
    private final ApprovalCircuit circuit;
    private final Variants variants;
    private final fr.parvis.channels.ChannelPublishing channels;
    private final Clock clock;
    private final fr.parvis.publishing.media.MediaLibrary library;

    ReserveRule(ElectionCalendar calendar, NeutralityLint neutrality, ApprovalCircuit circuit, Variants variants,
            fr.parvis.channels.ChannelPublishing channels, Clock clock, fr.parvis.publishing.media.MediaLibrary library) {
        this.library = library;
        this.channels = channels;
        this.calendar = calendar;
        this.neutrality = neutrality;
        this.circuit = circuit;
        this.variants = variants;
        this.clock = clock;
    }

    @Override
    public List<CheckFinding> check(Post post, List<Variant> list) {
        return check(post, list, true);
    }

    /** At publication: the freeze, boosts and relays only (no neutrality wording, no rhythm counts). */
    @Override
    public List<CheckFinding> blockersAtPublication(Post post, List<Variant> list) {
        return check(post, list, false);
    }

    private List<CheckFinding> check(Post post, List<Variant> list, boolean warnings) {
        Instant now = clock.instant();
        // to the second: the posts of one batch share one situation (reserve limits fall on whole hours)
        Instant at = (post.scheduledAt() != null && post.scheduledAt().isAfter(now) ? post.scheduledAt() : now)
                .truncatedTo(ChronoUnit.SECONDS);
        CollectiviteId collectivite = Tenancy.require();
        ReserveSituation situation = TransactionMemo.get(List.of("reserve.situation", collectivite, at),
                () -> calendar.situation(collectivite, at));
        List<CheckFinding> findings = new ArrayList<>();
        if (situation.freeze() && post.origin() != Post.Origin.CRISIS) {
            findings.add(PostChecks.error("reserve.freeze", null, "check.reserve.freeze",
                    List.of(electionNames(situation), DAY.format(situation.currentFreeze().end())),
                    "Code électoral L49"));
        }
        if (!situation.inReserve()) {
            return findings;
        }
        String election = electionNames(situation);
        if (post.boosted()) {
            findings.add(PostChecks.error("reserve.boost", null, "check.reserve.boost", List.of(election),
                    "Code électoral L52-1 al. 1"));
        }
        List<String> names = TransactionMemo.get(List.of("reserve.names", collectivite),
                () -> circuit.settings().reserveNames());
        Set<String> texts = new LinkedHashSet<>();
        if (list.isEmpty() || list.stream().anyMatch(v -> v.text() == null)) {
            texts.add(post.body() == null ? "" : post.body());
        }
        list.stream().filter(v -> v.text() != null).forEach(v -> texts.add(v.text()));
        list.stream().filter(v -> v.firstComment() != null).forEach(v -> texts.add(v.firstComment()));
        list.forEach(v -> v.thread().stream().filter(p -> p.text() != null).forEach(p -> texts.add(p.text())));
        for (String text : texts) {
            for (String relayed : relayed(text, post.link(), names)) {
                findings.add(PostChecks.error("reserve.relay." + relayed, null, "check.reserve.relay",
                        List.of(relayed), "Code électoral L52-8"));
            }
        }
        if (!warnings) {
            return dedupe(findings);
        }
        NeutralityContext context = new NeutralityContext(names.stream().filter(n -> !account(n))
                .collect(Collectors.toSet()), Set.of(), Set.of());
        for (String text : texts) {
            for (TextFinding f : neutrality.check(text, context)) {
                findings.add(PostChecks.warning("reserve.neutrality." + f.code() + "." + f.start() + "."
                        + Integer.toHexString(text.hashCode()), null, f.messageKey(), f.args(), f.reference()));
            }
        }
        rhythm(situation, at).ifPresent(findings::add);
        if (post.origin() != Post.Origin.CRISIS) {
            findings.addAll(newAccounts(situation, list));
            findings.addAll(newFormats(situation, list));
        }
        return dedupe(findings);
    }

    /**
     * Identité (support): an account without any post known before the reserve start (none read
     * from the network, none published by Parvis) is a new channel of communication opened during
     * the reserve. An account connected to Parvis during the reserve but with an older history on
     * the network is not new.
     */
    private List<CheckFinding> newAccounts(ReserveSituation situation, List<Variant> list) {
        Instant start = situation.reserveStart();
        List<CheckFinding> findings = new ArrayList<>();
        for (Variant variant : list) {
            fr.parvis.channels.ChannelPublishing.AccountHistory history = channels.history(variant.accountId());
            boolean olderOnNetwork = history.firstPostAt().filter(first -> first.isBefore(start)).isPresent();
            if (olderOnNetwork || variants.existsByAccountIdAndStateAndPublishedAtBefore(variant.accountId(),
                    VariantState.PUBLISHED, start)) {
                continue;
            }
            String label = channels.target(variant.accountId()).label();
            String key = history.connectedAt().isBefore(start) ? "check.reserve.newAccount.silent"
                    : "check.reserve.newAccount";
            findings.add(PostChecks.warning("reserve.newAccount." + variant.accountId(), variant.accountId(), key,
                    List.of(label, DAY.format(history.connectedAt()), DAY.format(start), electionNames(situation)),
                    "Code électoral L52-1 al. 2 (identité du support)"));
        }
        return findings;
    }

    /**
     * Identité (format): a format of this post that no post published by Parvis used in the six
     * months before the reserve start. Only judged when Parvis published at least one post in that
     * window (without history, the formats used before are unknown).
     */
    private List<CheckFinding> newFormats(ReserveSituation situation, List<Variant> list) {
        Set<PostFormat> used = PostFormat.of(list, library);
        if (used.isEmpty() || situation.baseline().isEmpty()) {
            return List.of();
        }
        Interval window = situation.baseline().get();
        List<Variant> before = variants.findByStateAndPublishedAtBetween(VariantState.PUBLISHED, window.start(),
                window.end(), org.springframework.data.domain.PageRequest.of(0, BASELINE_VARIANTS));
        if (before.isEmpty()) {
            return List.of();
        }
        Set<PostFormat> known = PostFormat.of(before, library);
        List<CheckFinding> findings = new ArrayList<>();
        for (PostFormat format : used) {
            if (!known.contains(format)) {
                findings.add(PostChecks.warning("reserve.newFormat." + format.name(), null,
                        "check.reserve.newFormat." + format.name(), List.of(DAY.format(window.start()),
                                DAY.format(situation.reserveStart()), electionNames(situation)),
                        "Code électoral L52-1 al. 2 (identité du format)"));
            }
        }
        return findings;
    }

    /** Posts published in the 30 days before {@code at}, against the monthly average of the baseline. */
    private java.util.Optional<CheckFinding> rhythm(ReserveSituation situation, Instant at) {
        java.util.Optional<Interval> baseline = situation.baseline();
        if (baseline.isEmpty()) {
            return java.util.Optional.empty();
        }
        Interval window = baseline.get();
        double months = Math.max(1.0, Duration.between(window.start(), window.end()).toDays() / 30.0);
        double monthly = published(window.start(), window.end()) / months;
        long recent = published(at.minus(Duration.ofDays(30)), at) + 1;
        if (recent > monthly * RHYTHM_TOLERANCE + RHYTHM_SLACK) {
            return java.util.Optional.of(PostChecks.warning("reserve.rhythm", null, "check.reserve.rhythm",
                    List.of(recent, Math.round(monthly * 10) / 10.0), "Code électoral L52-1 al. 2 (régularité)"));
        }
        return java.util.Optional.empty();
    }

    /** Posts out from {@code from} (included) to {@code to} (excluded): read from the networks, or published by Parvis if more. */
    private long published(Instant from, Instant to) {
        return Math.max(channels.publishedBetween(from, to),
                variants.countByStateAndPublishedAtBetween(fr.parvis.publishing.VariantState.PUBLISHED, from, to));
    }

    /** The candidates' and parties' accounts (handles, addresses) the text or the link relays. */
    static List<String> relayed(String text, String link, List<String> names) {
        String haystack = fold((text == null ? "" : text) + " " + (link == null ? "" : link));
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (account(name) && haystack.contains(fold(name.replaceFirst("^https?://(www\\.)?", "")))) {
                found.add(name);
            }
        }
        return found;
    }

    private static boolean account(String name) {
        return name.startsWith("@") || name.startsWith("http://") || name.startsWith("https://");
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String electionNames(ReserveSituation situation) {
        return situation.elections().stream().map(ElectionView::name).distinct().collect(Collectors.joining(", "));
    }

    private static List<CheckFinding> dedupe(List<CheckFinding> findings) {
        Set<String> seen = new LinkedHashSet<>();
        return findings.stream().filter(f -> seen.add(f.code())).toList();
    }
}

package fr.parvis.publishing.calendar;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostTexts;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.VariantView;
import fr.parvis.publishing.calendar.domain.CalendarFeed;
import fr.parvis.publishing.calendar.domain.CalendarFeeds;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial calendar of the current collectivité: month, week and list views (Europe/Paris),
 * moving a post to another time, the secret iCalendar address of each agent, and the CSV export
 * and import of the schedule.
 */
@Service
public class CalendarManagement {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final int MAX_IMPORT_BYTES = 1024 * 1024;
    public static final int MAX_IMPORT_ROWS = 500;
    static final int MAX_EXPORT_DAYS = 366;
    static final Duration HORIZON = Duration.ofDays(2 * 366);

    /** Statuses whose time can no longer change. */
    static final Set<PostStatus> FIXED = Set.of(PostStatus.PUBLISHING, PostStatus.PUBLISHED, PostStatus.CANCELLED,
            PostStatus.OUTCOME_UNKNOWN);
    /** Statuses shown in the iCalendar feed. */
    static final Set<PostStatus> IN_FEED = Set.of(PostStatus.SCHEDULED, PostStatus.PUBLISHING, PostStatus.PUBLISHED);

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PublishingManagement publishing;
    private final Posts posts;
    private final CalendarFeeds feeds;
    private final CalendarFeedLookup lookup;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    CalendarManagement(PublishingManagement publishing, Posts posts, CalendarFeeds feeds, CalendarFeedLookup lookup,
            MessageSource messages, Clock clock, @Value("${parvis.base-url:http://localhost:8080}") String baseUrl) {
        this.publishing = publishing;
        this.posts = posts;
        this.feeds = feeds;
        this.lookup = lookup;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The accounts of the collectivité (the filters and the import). */
    @Transactional(readOnly = true)
    public List<PublishingTarget> targets() {
        return publishing.targets();
    }

    // ---- Views --------------------------------------------------------------------------------

    /**
     * One page of the calendar around {@code date}: its month (month and list views) or its week
     * (Monday to Sunday). Without a status filter, cancelled posts are left out.
     */
    @Transactional(readOnly = true)
    public CalendarPage page(CalendarMode mode, LocalDate date, PostFilter filter) {
        LocalDate today = today();
        LocalDate anchor = date == null ? today : date;
        LocalDate from;
        LocalDate to;
        LocalDate previous;
        LocalDate next;
        LocalDate first = anchor.withDayOfMonth(1);
        if (mode == CalendarMode.SEMAINE) {
            from = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusDays(6);
            previous = anchor.minusWeeks(1);
            next = anchor.plusWeeks(1);
        } else if (mode == CalendarMode.MOIS) {
            from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = first.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            previous = first.minusMonths(1);
            next = first.plusMonths(1);
        } else {
            from = first;
            to = first.with(TemporalAdjusters.lastDayOfMonth());
            previous = first.minusMonths(1);
            next = first.plusMonths(1);
        }
        List<CalendarEntry> entries = entries(from, to, filter);
        Map<LocalDate, List<CalendarEntry>> byDay = entries.stream()
                .collect(Collectors.groupingBy(CalendarEntry::day, LinkedHashMap::new, Collectors.toList()));
        List<List<CalendarDay>> weeks = new ArrayList<>();
        if (mode != CalendarMode.LISTE) {
            List<CalendarDay> week = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                boolean inPeriod = mode == CalendarMode.SEMAINE || day.getMonth() == anchor.getMonth();
                week.add(new CalendarDay(day, inPeriod, day.equals(today), byDay.getOrDefault(day, List.of())));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
        }
        List<PostView> undated = mode == CalendarMode.LISTE ? undated(filter) : List.of();
        return new CalendarPage(mode, anchor, from, to, previous, next, today, weeks, entries, undated);
    }

    /** The posts with a time in the days {@code [from, to]} (Europe/Paris), in time order. */
    @Transactional(readOnly = true)
    public List<CalendarEntry> entries(LocalDate from, LocalDate to, PostFilter filter) {
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        return publishing.between(start, end, filter).stream()
                .filter(p -> !filter.statuses().isEmpty() || p.status() != PostStatus.CANCELLED)
                .sorted(Comparator.comparing(PostView::scheduledAt).thenComparing(PostView::createdAt))
                .map(CalendarManagement::entry)
                .toList();
    }

    private List<PostView> undated(PostFilter filter) {
        return publishing.list(filter, 0, 200).stream()
                .filter(p -> p.scheduledAt() == null)
                .filter(p -> !filter.statuses().isEmpty() || p.status() != PostStatus.CANCELLED)
                .toList();
    }

    static CalendarEntry entry(PostView post) {
        ZonedDateTime local = post.scheduledAt().atZone(ZONE);
        return new CalendarEntry(post, local.toLocalDate(), local.toLocalTime(), movable(post));
    }

    static boolean movable(PostView post) {
        return !FIXED.contains(post.status()) && post.variants().stream()
                .noneMatch(v -> v.state() == VariantState.PUBLISHING || v.state() == VariantState.PUBLISHED);
    }

    // ---- Moving -------------------------------------------------------------------------------

    /**
     * Gives a post another day and time (Europe/Paris). A time that does not exist (the hour
     * skipped when clocks go forward) moves to the next valid one.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PostView move(UUID postId, LocalDate date, LocalTime time) {
        Actors.require(Permission.POSTS_WRITE);
        PostView post = publishing.get(postId);
        if (!movable(post)) {
            throw new ConflictException("calendar.move.fixed", null);
        }
        Instant at = ZonedDateTime.of(date, time, ZONE).toInstant();
        return publishing.schedule(postId, at);
    }

    // ---- iCalendar ----------------------------------------------------------------------------

    /** The agent's active address, if any. */
    @Transactional(readOnly = true)
    public Optional<CalendarFeedView> feed() {
        ParvisAuthentication agent = Actors.requireAgent();
        return feeds.findByUserIdAndRevokedAtIsNull(agent.userId().value()).stream()
                .max(Comparator.comparing(CalendarFeed::createdAt))
                .map(f -> new CalendarFeedView(f.createdAt(), f.lastUsedAt()));
    }

    /** Creates the agent's secret address (revoking the previous one); returns the secret, shown once. */
    @Transactional
    public String createFeed() {
        ParvisAuthentication agent = Actors.requireAgent();
        revoke(agent);
        String secret = CalendarSecrets.generate();
        feeds.save(new CalendarFeed(agent.userId().value(), CalendarSecrets.hash(secret)));
        return secret;
    }

    @Transactional
    public void revokeFeed() {
        revoke(Actors.requireAgent());
    }

    private void revoke(ParvisAuthentication agent) {
        Instant now = clock.instant();
        feeds.findByUserIdAndRevokedAtIsNull(agent.userId().value()).forEach(f -> f.revoke(now));
    }

    /** The address of a feed's secret. */
    public String feedUrl(String secret) {
        return baseUrl + "/ical/" + secret + ".ics";
    }

    /**
     * The calendar of a secret address (anonymous request): the scheduled and published posts of
     * the address's collectivité, from two months back to eleven months ahead; empty when the
     * address is unknown, revoked, or its holder has left the collectivité.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<String> ical(String secret) {
        return lookup.find(secret).map(owner -> SystemActor.actFor(owner.collectivite(), "iCalendar feed",
                () -> icalOfCurrent()));
    }

    String icalOfCurrent() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(62));
        Instant to = now.plus(Duration.ofDays(330));
        List<PostView> found = publishing.between(from, to, new PostFilter(IN_FEED, Set.of(), Set.of(), null, null,
                null));
        Locale french = Locale.FRENCH;
        ICalendar ics = new ICalendar()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//Parvis//Calendrier editorial//FR")
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .line("X-WR-CALNAME", ICalendar.text(messages.getMessage("calendar.ical.name", null, french)))
                .line("X-WR-TIMEZONE", ZONE.getId());
        for (PostView post : found) {
            String networks = post.variants().stream().map(v -> v.network().name() + " @" + CalendarEntry.stripAt(
                    v.handle())).collect(Collectors.joining(", "));
            String status = messages.getMessage("post.status." + post.status().name(), null, french);
            ics.line("BEGIN", "VEVENT")
                    .line("UID", post.id() + "@parvis")
                    .line("DTSTAMP", ICalendar.utc(now))
                    .line("DTSTART", ICalendar.utc(post.scheduledAt()))
                    .line("DURATION", "PT15M")
                    .line("SUMMARY", ICalendar.text(post.label()))
                    .line("DESCRIPTION", ICalendar.text(messages.getMessage("calendar.ical.description",
                            new Object[] {networks, status}, french) + "\n\n" + post.body()))
                    .line("URL", baseUrl + "/publier/publications/" + post.id())
                    .line("LAST-MODIFIED", ICalendar.utc(post.updatedAt()))
                    .line("END", "VEVENT");
        }
        return ics.line("END", "VCALENDAR").toString();
    }

    // ---- CSV export ---------------------------------------------------------------------------

    /** The posts with a time in the days {@code [from, to]}, as CSV (UTF-8 with BOM, {@code ;}). */
    @Transactional(readOnly = true)
    public byte[] export(LocalDate from, LocalDate to, PostFilter filter) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_EXPORT_DAYS).isBefore(to)) {
            throw new InvalidInputException("calendar.export.period", "from", MAX_EXPORT_DAYS);
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<List<String>> rows = new ArrayList<>();
        rows.add(CalendarCsv.COLUMNS);
        for (CalendarEntry entry : entries(from, to, filter)) {
            PostView post = entry.post();
            rows.add(List.of(ISO_DATE.format(entry.day()), TIME.format(entry.time()),
                    String.join("|", entry.accounts()), nullToEmpty(post.title()), nullToEmpty(post.body()),
                    nullToEmpty(post.link()), nullToEmpty(post.utmCampaign()),
                    messages.getMessage("post.status." + post.status().name(), null, locale)));
        }
        return CalendarCsv.write(rows);
    }

    // ---- CSV import ---------------------------------------------------------------------------

    /**
     * Reads a CSV of the export's columns ({@code statut} ignored) and creates a draft per row, at
     * its time, all in one transaction. When a row has an error nothing is created, unless
     * {@code validOnly}: then the valid rows are.
     */
    @Transactional
    public CsvImportReport importCsv(byte[] content, boolean validOnly) {
        Actors.require(Permission.POSTS_WRITE);
        List<CsvImportReport.Problem> problems = new ArrayList<>();
        if (content == null || content.length == 0) {
            return fileProblem("calendar.import.empty");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            return fileProblem("calendar.import.tooLarge");
        }
        List<CalendarCsv.Row> rows;
        try {
            rows = CalendarCsv.parse(CalendarCsv.decode(content));
        } catch (CalendarCsv.MalformedCsvException e) {
            return new CsvImportReport(0, 0, 0, List.of(new CsvImportReport.Problem(e.line(), "", "calendar.import.quote",
                    List.of())));
        }
        if (rows.isEmpty()) {
            return fileProblem("calendar.import.empty");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String name = CalendarCsv.unprotect(header.get(i).replace("\uFEFF", "").strip()).toLowerCase(Locale.ROOT);
            columns.putIfAbsent(name, i);
        }
        List<String> missing = List.of("date", "heure", "comptes", "message").stream()
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new CsvImportReport(0, 0, 0, List.of(new CsvImportReport.Problem(rows.get(0).line(), "",
                    "calendar.import.header", List.of(String.join(", ", missing)))));
        }
        List<CalendarCsv.Row> data = rows.subList(1, rows.size());
        if (data.size() > MAX_IMPORT_ROWS) {
            return new CsvImportReport(data.size(), 0, 0, List.of(new CsvImportReport.Problem(1, "",
                    "calendar.import.tooManyRows", List.of(data.size(), MAX_IMPORT_ROWS))));
        }
        if (data.isEmpty()) {
            return fileProblem("calendar.import.noRows");
        }
        Map<String, PublishingTarget> targets = new LinkedHashMap<>();
        for (PublishingTarget target : publishing.targets()) {
            targets.put(accountKey(target.network().name(), target.handle()), target);
        }
        Set<String> refs = new HashSet<>();
        List<Candidate> valid = new ArrayList<>();
        for (CalendarCsv.Row row : data) {
            List<CsvImportReport.Problem> found = new ArrayList<>();
            Candidate candidate = candidate(row, columns, targets, found);
            if (candidate != null && found.isEmpty()) {
                if (!refs.add(candidate.ref()) || posts.findByOriginAndOriginRef(Post.Origin.CSV, candidate.ref())
                        .isPresent()) {
                    found.add(new CsvImportReport.Problem(row.line(), "", "calendar.import.duplicate", List.of()));
                } else {
                    valid.add(candidate);
                }
            }
            problems.addAll(found);
        }
        if (valid.isEmpty() || !problems.isEmpty() && !validOnly) {
            return new CsvImportReport(data.size(), valid.size(), 0, problems);
        }
        for (Candidate candidate : valid) {
            publishing.importDraft(candidate.command(), candidate.ref());
        }
        return new CsvImportReport(data.size(), valid.size(), valid.size(), problems);
    }

    private record Candidate(PostCommand command, String ref) {
    }

    private static CsvImportReport fileProblem(String key) {
        return new CsvImportReport(0, 0, 0, List.of(new CsvImportReport.Problem(1, "", key, List.of())));
    }

    private Candidate candidate(CalendarCsv.Row row, Map<String, Integer> columns,
            Map<String, PublishingTarget> targets, List<CsvImportReport.Problem> problems) {
        int line = row.line();
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : CalendarCsv.COLUMNS) {
            Integer index = columns.get(column);
            String raw = index == null || index >= row.cells().size() ? "" : row.cells().get(index);
            if (looksLikeFormula(raw.strip())) {
                problems.add(new CsvImportReport.Problem(line, column, "calendar.import.formula", List.of()));
            }
            cells.put(column, CalendarCsv.unprotect(raw.strip()));
        }
        LocalDate date = parseDate(cells.get("date"));
        if (date == null) {
            problems.add(new CsvImportReport.Problem(line, "date", "calendar.import.date",
                    List.of(abbreviate(cells.get("date")))));
        }
        LocalTime time = parseTime(cells.get("heure"));
        if (time == null) {
            problems.add(new CsvImportReport.Problem(line, "heure", "calendar.import.time",
                    List.of(abbreviate(cells.get("heure")))));
        }
        Instant at = null;
        if (date != null && time != null) {
            at = ZonedDateTime.of(date, time, ZONE).toInstant();
            Instant now = clock.instant();
            if (at.isBefore(now)) {
                problems.add(new CsvImportReport.Problem(line, "date", "calendar.import.past", List.of()));
            } else if (at.isAfter(now.plus(HORIZON))) {
                problems.add(new CsvImportReport.Problem(line, "date", "calendar.import.tooFar", List.of()));
            }
        }
        Set<PublishingTarget> accounts = new LinkedHashSet<>();
        String accountCell = cells.get("comptes");
        if (accountCell.isBlank()) {
            problems.add(new CsvImportReport.Problem(line, "comptes", "calendar.import.noAccount", List.of()));
        } else {
            for (String token : accountCell.split("\\|")) {
                if (token.isBlank()) {
                    continue;
                }
                int colon = token.indexOf(':');
                PublishingTarget target = colon < 0 ? null
                        : targets.get(accountKey(token.substring(0, colon), token.substring(colon + 1)));
                if (target == null) {
                    problems.add(new CsvImportReport.Problem(line, "comptes", "calendar.import.account",
                            List.of(abbreviate(token.strip()))));
                } else {
                    accounts.add(target);
                }
            }
            if (accounts.size() > 20) {
                problems.add(new CsvImportReport.Problem(line, "comptes", "calendar.import.tooManyAccounts",
                        List.of(20)));
            }
        }
        String title = emptyToNull(cells.get("titre"));
        if (title != null && title.length() > 120) {
            problems.add(new CsvImportReport.Problem(line, "titre", "calendar.import.titleTooLong", List.of(120)));
        }
        String message = cells.get("message");
        if (message.isBlank()) {
            problems.add(new CsvImportReport.Problem(line, "message", "calendar.import.messageEmpty", List.of()));
        } else if (message.length() > 10000) {
            problems.add(new CsvImportReport.Problem(line, "message", "calendar.import.messageTooLong",
                    List.of(10000)));
        }
        String link = emptyToNull(cells.get("lien"));
        if (link != null && (link.length() > 2048 || !fr.parvis.publishing.PostTexts.validLink(link))) {
            problems.add(new CsvImportReport.Problem(line, "lien", "calendar.import.link",
                    List.of(abbreviate(link))));
        }
        String utm = emptyToNull(cells.get("campagne_utm"));
        if (utm != null && utm.length() > 100) {
            problems.add(new CsvImportReport.Problem(line, "campagne_utm", "calendar.import.utmTooLong", List.of(100)));
        }
        if (!message.isBlank() && message.length() <= 10000 && (link == null || fr.parvis.publishing.PostTexts.validLink(link))) {
            for (PublishingTarget target : accounts) {
                if (target.profile() == null) {
                    continue;
                }
                String text = PostTexts.finalText(null, message, link, utm, target.network());
                int length = target.profile().counter().count(text);
                int max = target.profile().maxTextLength();
                if (max > 0 && length > max) {
                    problems.add(new CsvImportReport.Problem(line, "message", "calendar.import.tooLong",
                            List.of(target.network().name() + ":@" + CalendarEntry.stripAt(target.handle()), length,
                                    max)));
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<PostCommand.VariantCommand> variants = accounts.stream()
                .map(t -> new PostCommand.VariantCommand(t.accountId(), null, null, List.of())).toList();
        PostCommand command = new PostCommand(title, message, link, utm, false, at, variants);
        String ref = "csv:" + sha256(String.join("\u001f", at.toString(), accounts.stream()
                .map(t -> t.accountId().toString()).sorted().collect(Collectors.joining(",")), nullToEmpty(title),
                message, nullToEmpty(link), nullToEmpty(utm)));
        return new Candidate(command, ref);
    }

    /** A formula a spreadsheet would run: {@code =…}, or {@code + - @} followed by a function call. */
    static boolean looksLikeFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=') {
            return true;
        }
        return (first == '+' || first == '-' || first == '@') && cell.matches("^[+\\-@]\\s*[A-Za-z][A-Za-z0-9._]*\\s*\\(.*");
    }

    static LocalDate parseDate(String text) {
        for (DateTimeFormatter format : List.of(ISO_DATE, FRENCH_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    static LocalTime parseTime(String text) {
        if (text == null || !text.matches("\\d{1,2}[:h]\\d{2}(:\\d{2})?")) {
            return null;
        }
        String[] parts = text.split("[:h]");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        int second = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static String accountKey(String network, String handle) {
        return network.strip().toUpperCase(Locale.ROOT) + ":" + CalendarEntry.stripAt(handle.strip())
                .toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

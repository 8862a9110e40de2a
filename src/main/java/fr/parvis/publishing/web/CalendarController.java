package fr.parvis.publishing.web;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.calendar.CalendarManagement;
import fr.parvis.publishing.calendar.CalendarMode;
import fr.parvis.publishing.calendar.CalendarPage;
import fr.parvis.publishing.calendar.CsvImportReport;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editorial calendar: month, week and list views with their filters (GET parameters, so a
 * view can be bookmarked), moving a post (drag and drop, or the "Déplacer" form without
 * JavaScript), the CSV export and import, and the agent's iCalendar address.
 */
@Controller
class CalendarController {

    static final String PATH = "/publier/calendrier";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The icon beside each status's name (the name is always written: no information by colour or icon alone). */
    static final Map<PostStatus, String> ICONS = Map.ofEntries(Map.entry(PostStatus.DRAFT, "\u270E"),
            Map.entry(PostStatus.SUBMITTED, "\u25D4"), Map.entry(PostStatus.CHANGES_REQUESTED, "\u21A9"),
            Map.entry(PostStatus.APPROVED, "\u2713"), Map.entry(PostStatus.SCHEDULED, "\u25F7"),
            Map.entry(PostStatus.PUBLISHING, "\u27F3"), Map.entry(PostStatus.PUBLISHED, "\u2714"),
            Map.entry(PostStatus.FAILED, "\u2716"), Map.entry(PostStatus.OUTCOME_UNKNOWN, "?"),
            Map.entry(PostStatus.CANCELLED, "\u2298"), Map.entry(PostStatus.APPROVAL_EXPIRED, "\u229D"),
            Map.entry(PostStatus.PAUSED, "\u2016"));

    private final CalendarManagement calendar;
    private final MessageSource messages;

    CalendarController(CalendarManagement calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "vue", required = false) String view,
            @RequestParam(name = "date", required = false) String date,
            @RequestParam(name = "compte", required = false) List<String> accounts,
            @RequestParam(name = "communaute", required = false) String community,
            @RequestParam(name = "statut", required = false) List<String> statuses, Model model) {
        CalendarMode mode = CalendarMode.of(view);
        if (mode == null) {
            throw new InvalidInputException("calendar.view.invalid", "vue");
        }
        Filter filter = Filter.parse(accounts, community, statuses);
        LocalDate anchor = date == null || date.isBlank() ? null : parseDate(date, "date");
        CalendarPage page = calendar.page(mode, anchor, filter.postFilter());
        List<PublishingTarget> targets = calendar.targets();
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("targets", targets);
        model.addAttribute("communities", new TreeSet<>(targets.stream().map(PublishingTarget::community)
                .filter(c -> c != null && !c.isBlank()).toList()));
        model.addAttribute("statuses", List.of(PostStatus.values()));
        model.addAttribute("hours", java.util.stream.IntStream.range(0, 24).boxed().toList());
        model.addAttribute("canWrite", Actors.has(Permission.POSTS_WRITE));
        model.addAttribute("feed", calendar.feed().orElse(null));
        model.addAttribute("links", new Links(mode, page, filter));
        model.addAttribute("icons", ICONS);
        model.addAttribute("views", List.of("mois", "semaine", "liste"));
        model.addAttribute("zone", CalendarManagement.ZONE);
        return "publishing/calendar";
    }

    /**
     * Moves a post. From the script ({@code Accept: application/json}): 200, or 400/404/409 with a
     * French message. From the form: back to the calendar with a message.
     */
    @PostMapping(PATH + "/deplacer")
    Object move(@RequestParam(name = "postId", required = false) String postId,
            @RequestParam(name = "date", required = false) String date,
            @RequestParam(name = "heure", required = false) String time,
            @RequestParam(name = "vue", required = false) String view,
            @RequestParam(name = "retour", required = false) String back, HttpServletRequest request,
            RedirectAttributes redirect) {
        boolean json = acceptsJson(request);
        try {
            UUID id = parseId(postId);
            LocalDate day = parseDate(date, "date");
            LocalTime at = parseTime(time);
            var moved = calendar.move(id, day, at);
            if (json) {
                return ResponseEntity.ok(Map.of("message", messages.getMessage("calendar.move.done",
                        new Object[] {moved.label()}, LocaleContextHolder.getLocale()), "date", day.toString()));
            }
            redirect.addFlashAttribute("flash", "calendar.move.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {moved.label()});
            return "redirect:" + back(view, back == null || back.isBlank() ? date : back);
        } catch (fr.parvis.shared.NotFoundException e) {
            if (json) {
                return problem(HttpStatus.NOT_FOUND, e);
            }
            throw e;
        } catch (InvalidInputException | fr.parvis.shared.ConflictException e) {
            if (json) {
                return problem(e instanceof InvalidInputException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, e);
            }
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashArgs", e.arguments());
            return "redirect:" + back(view, back);
        } catch (AccessDeniedException e) {
            if (json) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("message", messages.getMessage("calendar.move.forbidden", null,
                                LocaleContextHolder.getLocale())));
            }
            throw e;
        }
    }

    @GetMapping(PATH + "/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "compte", required = false) List<String> accounts,
            @RequestParam(name = "communaute", required = false) String community,
            @RequestParam(name = "statut", required = false) List<String> statuses) {
        LocalDate start = from == null || from.isBlank() ? calendar.today().withDayOfMonth(1) : parseDate(from, "from");
        LocalDate end = to == null || to.isBlank() ? start.plusMonths(3).minusDays(1) : parseDate(to, "to");
        byte[] csv = calendar.export(start, end, Filter.parse(accounts, community, statuses).postFilter());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("calendrier-" + start + "-" + end + ".csv").build().toString())
                .body(csv);
    }

    @PostMapping(PATH + "/import")
    String importCsv(@RequestParam(name = "fichier", required = false) MultipartFile file,
            @RequestParam(name = "lignesValides", defaultValue = "false") boolean validOnly, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Actors.require(Permission.POSTS_WRITE);
        CsvImportReport report;
        if (file == null || file.isEmpty()) {
            report = single("calendar.import.empty");
        } else if (file.getSize() > CalendarManagement.MAX_IMPORT_BYTES) {
            report = single("calendar.import.tooLarge");
        } else {
            report = calendar.importCsv(file.getBytes(), validOnly);
        }
        if (report.imported() > 0) {
            redirect.addFlashAttribute("flash", report.hasProblems() ? "calendar.import.partial" : "calendar.import.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {report.imported(), report.problems().size()});
            return "redirect:" + PATH + "?vue=liste";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("report", report);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return "publishing/calendar-import";
    }

    @PostMapping(PATH + "/flux")
    String createFeed(RedirectAttributes redirect) {
        String secret = calendar.createFeed();
        redirect.addFlashAttribute("flash", "calendar.feed.created");
        redirect.addFlashAttribute("feedUrl", calendar.feedUrl(secret));
        return "redirect:" + PATH + "#abonnement";
    }

    @PostMapping(PATH + "/flux/revocation")
    String revokeFeed(RedirectAttributes redirect) {
        calendar.revokeFeed();
        redirect.addFlashAttribute("flash", "calendar.feed.revoked");
        return "redirect:" + PATH + "#abonnement";
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private ResponseEntity<Map<String, String>> problem(HttpStatus status, DomainException e) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }

    private static CsvImportReport single(String key) {
        return new CsvImportReport(0, 0, 0, List.of(new CsvImportReport.Problem(1, "", key, List.of())));
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }

    private static String back(String view, String date) {
        CalendarMode mode = CalendarMode.of(view);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
        if (mode != null) {
            uri.queryParam("vue", mode.key());
        }
        if (date != null) {
            try {
                uri.queryParam("date", LocalDate.parse(date, DATE));
            } catch (DateTimeParseException e) {
                // no date: today
            }
        }
        return uri.build().toUriString();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new fr.parvis.shared.NotFoundException("publishing.post.notFound");
        }
    }

    static LocalDate parseDate(String text, String field) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("calendar.date.invalid", field);
        }
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("calendar.time.invalid", "heure");
        }
    }

    /** The filters as submitted (kept in the links of the navigation). */
    public record Filter(Set<UUID> accounts, String community, Set<PostStatus> statuses) {

        static Filter parse(List<String> accounts, String community, List<String> statuses) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (String account : accounts == null ? List.<String>of() : accounts) {
                if (account == null || account.isBlank()) {
                    continue;
                }
                try {
                    ids.add(UUID.fromString(account.strip()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("calendar.filter.invalid", "compte");
                }
            }
            Set<PostStatus> set = EnumSet.noneOf(PostStatus.class);
            for (String status : statuses == null ? List.<String>of() : statuses) {
                if (status == null || status.isBlank()) {
                    continue;
                }
                try {
                    set.add(PostStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("calendar.filter.invalid", "statut");
                }
            }
            String cleaned = community == null || community.isBlank() ? null : community.strip();
            if (ids.size() > 50 || cleaned != null && cleaned.length() > 100) {
                throw new InvalidInputException("calendar.filter.invalid", "compte");
            }
            return new Filter(ids, cleaned, set);
        }

        PostFilter postFilter() {
            return new PostFilter(statuses, accounts, Set.of(), community, null, null);
        }

        public boolean has(PostStatus status) {
            return statuses.contains(status);
        }

        public boolean hasAccount(UUID account) {
            return accounts.contains(account);
        }

        public boolean active() {
            return !accounts.isEmpty() || community != null || !statuses.isEmpty();
        }

        void addTo(UriComponentsBuilder uri) {
            accounts.forEach(a -> uri.queryParam("compte", a));
            if (community != null) {
                uri.queryParam("communaute", community);
            }
            statuses.forEach(s -> uri.queryParam("statut", s.name()));
        }
    }

    /** The addresses of the navigation, keeping the filters. */
    public record Links(CalendarMode mode, CalendarPage page, Filter filter) {

        public String to(String view, LocalDate date) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH).queryParam("vue", view)
                    .queryParam("date", date);
            filter.addTo(uri);
            return uri.encode().build().toUriString();
        }

        public String previous() {
            return to(mode.key(), page.previous());
        }

        public String next() {
            return to(mode.key(), page.next());
        }

        public String today() {
            return to(mode.key(), page.today());
        }

        public String view(String view) {
            return to(view, page.date());
        }

        public String export() {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH + "/export.csv")
                    .queryParam("from", page.from()).queryParam("to", page.to());
            filter.addTo(uri);
            return uri.encode().build().toUriString();
        }
    }
}

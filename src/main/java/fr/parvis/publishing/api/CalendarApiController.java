package fr.parvis.publishing.api;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.calendar.CalendarEntry;
import fr.parvis.publishing.calendar.CalendarFeedView;
import fr.parvis.publishing.calendar.CalendarManagement;
import fr.parvis.publishing.calendar.CsvImportReport;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The editorial calendar of the current collectivité: its posts over a period, moving one, the
 * agent's iCalendar address, CSV export and import. Every rule (permissions, checks, the period's
 * bounds, the CSV's validation) is the one of {@link CalendarManagement}, shared with the calendar page.
 */
@RestController
@Validated
@RequestMapping("/api/v1/calendar")
@Tag(name = CalendarApiController.TAG, description = "Le calendrier éditorial : publications programmées et "
        + "publiées sur une période, déplacement, adresse iCalendar personnelle, export et import CSV.")
class CalendarApiController {

    static final String TAG = "Calendrier éditorial";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM = "#/components/schemas/Problem";

    /** The longest period read or exported at once, in days. */
    static final int MAX_DAYS = 366;

    private final CalendarManagement calendar;
    private final MessageSource messages;

    CalendarApiController(CalendarManagement calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    // ---- Reading ------------------------------------------------------------------------------

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/entries")
    @ApiResponse(responseCode = "400", description = "Période invalide (plus de 366 jours, fin avant le début) ou "
            + "filtre invalide", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "listCalendarEntries", summary = "Publications du calendrier sur une période",
            description = "Les publications ayant une heure dans les jours [from, to] (jours de Paris, bornes "
                    + "comprises, 366 jours au plus), dans l'ordre des heures. Filtres comme le calendrier : "
                    + "comptes (account, répétable), communauté servie, états (status, répétable ; sans état, les "
                    + "publications annulées sont omises).")
    List<EntryResponse> entries(@Parameter(example = "2027-01-01") @RequestParam String from,
            @Parameter(example = "2027-01-31") @RequestParam String to,
            @RequestParam(name = "account", required = false) @Size(max = 50) Set<UUID> accounts,
            @RequestParam(required = false) @Size(max = 120) String community,
            @RequestParam(name = "status", required = false) @Size(max = 12) Set<PostStatus> statuses) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        period(start, end);
        return calendar.entries(start, end, filter(accounts, community, statuses)).stream()
                .map(EntryResponse::of).toList();
    }

    // ---- Moving -------------------------------------------------------------------------------

    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/entries/{postId}/move")
    @ApiResponse(responseCode = "400", description = "Date ou heure invalide, heure passée, ou vérifications en "
            + "erreur", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "Publication introuvable dans la collectivité",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Publication publiée ou en cours de publication, ou mode crise",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "moveCalendarEntry", summary = "Déplacer une publication",
            description = "Lui donne un autre jour et une autre heure (heure de Paris ; une heure qui n'existe pas "
                    + "au passage à l'heure d'été passe à la suivante). Mêmes règles que le glisser-déposer du "
                    + "calendrier : les vérifications sont refaites, le changement est journalisé. Droit : écrire "
                    + "des publications.")
    EntryResponse move(@PathVariable String postId, @Valid @RequestBody Move body) {
        UUID id = Ids.parse(postId);
        LocalDate day = date(body.date(), "date");
        LocalTime time = time(body.time());
        PostView moved = calendar.move(id, day, time);
        return calendar.entries(day, day, new PostFilter(Set.of(moved.status()), Set.of(), Set.of(), null, null, null))
                .stream().filter(e -> e.post().id().equals(id)).findFirst().map(EntryResponse::of)
                .orElseGet(() -> EntryResponse.of(new CalendarEntry(moved, day, time, true)));
    }

    // ---- iCalendar ----------------------------------------------------------------------------

    @GetMapping("/feed")
    @Operation(operationId = "getCalendarFeed", summary = "Mon adresse iCalendar",
            description = "Si l'agent a une adresse active : sa date de création et de dernière lecture (jamais "
                    + "le secret, montré une seule fois).")
    FeedResponse feed() {
        return calendar.feed().map(FeedResponse::of).orElseGet(() -> new FeedResponse(false, null, null));
    }

    @PostMapping("/feed")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCalendarFeed", summary = "Créer ou renouveler mon adresse iCalendar",
            description = "Crée une adresse secrète (l'ancienne est révoquée) et la renvoie une seule fois : "
                    + "Parvis n'en garde que l'empreinte. Elle donne les publications programmées et publiées de la "
                    + "collectivité tant que l'agent en est membre.")
    CreatedFeedResponse createFeed() {
        String secret = calendar.createFeed();
        CalendarFeedView view = calendar.feed().orElseThrow();
        return new CreatedFeedResponse(calendar.feedUrl(secret), secret, view.createdAt());
    }

    @DeleteMapping("/feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeCalendarFeed", summary = "Révoquer mon adresse iCalendar",
            description = "L'adresse ne répond plus (sans effet s'il n'y en a pas).")
    void revokeFeed() {
        calendar.revokeFeed();
    }

    // ---- CSV ----------------------------------------------------------------------------------

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "CSV en UTF-8 avec BOM, séparateur point-virgule",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Période invalide", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "exportCalendarCsv", summary = "Exporter le calendrier (CSV)",
            description = "Colonnes date;heure;comptes;titre;texte;lien;campagne;statut, jours [from, to] (366 jours "
                    + "au plus), mêmes filtres que la lecture. Une cellule commençant par = + - @ est précédée d'une "
                    + "apostrophe.")
    ResponseEntity<byte[]> export(@Parameter(example = "2027-01-01") @RequestParam String from,
            @Parameter(example = "2027-03-31") @RequestParam String to,
            @RequestParam(name = "account", required = false) @Size(max = 50) Set<UUID> accounts,
            @RequestParam(required = false) @Size(max = 120) String community,
            @RequestParam(name = "status", required = false) @Size(max = 12) Set<PostStatus> statuses) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        period(start, end);
        byte[] csv = calendar.export(start, end, filter(accounts, community, statuses));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("calendrier-" + start + "-" + end + ".csv").build().toString())
                .body(csv);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "200", description = "Brouillons créés (avec les erreurs des lignes écartées si "
            + "validRowsOnly)")
    @ApiResponse(responseCode = "400", description = "Rien n'a été importé : le rapport (ligne, colonne, message) est "
            + "dans la propriété report", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "importCalendarCsv", summary = "Importer des brouillons (CSV)",
            description = "Colonnes de l'export (statut ignoré), 1 Mo et 500 lignes au plus, UTF-8 ou Windows-1252. "
                    + "Toutes les lignes sont vérifiées d'abord ; rien n'est créé si une ligne est en erreur, sauf "
                    + "avec validRowsOnly=true (seules les lignes valides le sont). Une ligne déjà importée ne l'est "
                    + "pas deux fois. Droit : écrire des publications.")
    ResponseEntity<?> importCsv(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "validRowsOnly", defaultValue = "false") boolean validRowsOnly,
            HttpServletRequest request) {
        Actors.require(Permission.POSTS_WRITE);
        CsvImportReport report;
        if (file == null || file.isEmpty()) {
            report = single("calendar.import.empty");
        } else if (file.getSize() > CalendarManagement.MAX_IMPORT_BYTES) {
            report = single("calendar.import.tooLarge");
        } else {
            try {
                report = calendar.importCsv(file.getBytes(), validRowsOnly);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        ImportResponse body = ImportResponse.of(report, messages, locale);
        if (report.imported() > 0 || !report.hasProblems()) {
            return ResponseEntity.ok(body);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("calendar.api.import.refused", new Object[] {report.problems().size()}, locale));
        problem.setType(URI.create("https://parvis.fr/problemes/invalid-input"));
        problem.setTitle(messages.getMessage("problem.title.400", null, "Bad Request", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "invalid-input");
        problem.setProperty("report", body);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private static CsvImportReport single(String key) {
        return new CsvImportReport(0, 0, 0, List.of(new CsvImportReport.Problem(1, "", key, List.of())));
    }

    private static PostFilter filter(Set<UUID> accounts, String community, Set<PostStatus> statuses) {
        String cleaned = community == null || community.isBlank() ? null : community.strip();
        return new PostFilter(statuses, accounts, Set.of(), cleaned, null, null);
    }

    private static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("calendar.export.period", "to", MAX_DAYS);
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("calendar.date.invalid", field);
        }
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("calendar.time.invalid", "time");
        }
    }

    // ---- Bodies -------------------------------------------------------------------------------

    /** A new day and time. */
    @Schema(name = "CalendarMove", description = "Nouveau jour et nouvelle heure (heure de Paris)")
    record Move(@Schema(example = "2027-01-12") @NotNull @Size(max = 10) String date,
            @Schema(example = "09:30") @NotNull @Size(max = 8) String time) {
    }

    /** A post on the calendar. */
    @Schema(name = "CalendarEntry", description = "Une publication du calendrier, à son jour et son heure de Paris")
    record EntryResponse(UUID postId, String label, PostStatus status, Instant scheduledAt,
            @Schema(example = "2027-01-12") LocalDate day, @Schema(type = "string", example = "09:30") String time,
            boolean movable, List<Network> networks,
            @Schema(description = "RÉSEAU:@identifiant de chaque compte, comme dans le CSV") List<String> accounts) {

        static EntryResponse of(CalendarEntry entry) {
            PostView post = entry.post();
            return new EntryResponse(post.id(), post.label(), post.status(), post.scheduledAt(), entry.day(),
                    entry.time().toString(), entry.movable(), entry.networks(), entry.accounts());
        }
    }

    /** The agent's iCalendar address, without its secret. */
    @Schema(name = "CalendarFeed", description = "Adresse iCalendar de l'agent (sans le secret)")
    record FeedResponse(boolean active, Instant createdAt, Instant lastUsedAt) {

        static FeedResponse of(CalendarFeedView view) {
            return new FeedResponse(true, view.createdAt(), view.lastUsedAt());
        }
    }

    /** A new iCalendar address: shown once. */
    @Schema(name = "CreatedCalendarFeed", description = "Nouvelle adresse iCalendar : le secret n'est montré qu'une fois")
    record CreatedFeedResponse(String url, String secret, Instant createdAt) {
    }

    /** The report of a CSV import. */
    @Schema(name = "CalendarImportReport", description = "Rapport d'import : lignes lues, valides, brouillons créés, "
            + "erreurs")
    record ImportResponse(int rows, int valid, int imported, List<ImportProblem> problems) {

        static ImportResponse of(CsvImportReport report, MessageSource messages, Locale locale) {
            return new ImportResponse(report.rows(), report.valid(), report.imported(), report.problems().stream()
                    .map(p -> new ImportProblem(p.line(), p.column(), p.messageKey(),
                            messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                    .toList());
        }
    }

    /** One error of the file. */
    @Schema(name = "CalendarImportProblem", description = "Une erreur : ligne du fichier (1 = en-tête), colonne, "
            + "code et message")
    record ImportProblem(int line, String column, String code, String message) {
    }
}

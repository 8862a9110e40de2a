package fr.parvis.publishing.api;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.CheckReport;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostHistoryView;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.api.PostResponses.ChecksResponse;
import fr.parvis.publishing.api.PostResponses.FindingResponse;
import fr.parvis.publishing.api.PostResponses.PostResponse;
import fr.parvis.publishing.api.PostResponses.Words;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Posts of the current collectivité: writing them with a variant per account, the checks, the
 * approval circuit, scheduling and the publication status per account. Every rule (permissions,
 * circuit, checks) is the one of {@link PublishingManagement}, shared with the interface.
 */
@RestController
@Validated
@RequestMapping("/api/v1/posts")
@Tag(name = PostsApiController.TAG, description = "Les publications de la collectivité : rédaction avec une "
        + "déclinaison par compte, vérifications, circuit de validation, programmation et état de la publication "
        + "sur chaque réseau.")
class PostsApiController {

    static final String TAG = "Publications";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM = "#/components/schemas/Problem";

    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final PublishingManagement publishing;
    private final MessageSource messages;

    PostsApiController(PublishingManagement publishing, MessageSource messages) {
        this.publishing = publishing;
        this.messages = messages;
    }

    // ---- Reading ------------------------------------------------------------------------------

    @GetMapping
    @Operation(operationId = "listPosts", summary = "Publications de la collectivité",
            description = "Les plus récemment modifiées d'abord. Filtres : états (status, répétable), comptes "
                    + "(account, répétable), réseaux (network, répétable), communauté servie, et période "
                    + "[from, to) de programmation ou de publication (les deux ensemble, 400 jours au plus). "
                    + "Le filtre par compte ou réseau s'applique à la page lue : une page peut compter moins de "
                    + "size publications.")
    List<PostResponse> list(@RequestParam(name = "status", required = false) @Size(max = 12) Set<PostStatus> statuses,
            @RequestParam(name = "account", required = false) @Size(max = 50) Set<UUID> accounts,
            @RequestParam(name = "network", required = false) @Size(max = 10) Set<Network> networks,
            @RequestParam(required = false) @Size(max = 120) String community,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, HttpServletRequest request) {
        PostFilter filter = new PostFilter(statuses, accounts, networks, community, from, to);
        List<PostView> found;
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInputException("publishing.api.period.both", from == null ? "from" : "to");
            }
            List<PostView> all = publishing.between(from, to, filter);
            int start = (int) Math.min((long) page * size, all.size());
            found = all.subList(start, Math.min(start + size, all.size()));
        } else {
            found = publishing.list(filter, page, size);
        }
        Words words = words(request);
        return found.stream().map(p -> PostResponse.of(p, words)).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPost", summary = "Une publication et son état sur chaque compte",
            description = "Pour chaque compte : le texte final, sa longueur comptée comme le réseau, l'état de la "
                    + "publication, l'identifiant et l'adresse sur le réseau une fois publiée, la dernière erreur.")
    PostResponse get(@PathVariable String id, HttpServletRequest request) {
        return PostResponse.of(publishing.get(Ids.parse(id)), words(request));
    }

    @GetMapping("/{id}/checks")
    @Operation(operationId = "checkPost", summary = "Vérifications avant publication",
            description = "Limites de chaque réseau, état des comptes, heure, accessibilité, période électorale. "
                    + "Les erreurs bloquent la soumission ; les avertissements doivent être acceptés par leur code.")
    ChecksResponse checks(@PathVariable String id, HttpServletRequest request) {
        return ChecksResponse.of(publishing.check(Ids.parse(id)), words(request));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "getPostHistory", summary = "Historique du circuit",
            description = "Décisions de validation, commentaires et avertissements acceptés, du plus ancien au plus "
                    + "récent.")
    PostHistoryView history(@PathVariable String id) {
        return publishing.history(Ids.parse(id));
    }

    // ---- Writing ------------------------------------------------------------------------------

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "404", description = "Un des comptes n'existe pas dans la collectivité",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "createPost", summary = "Écrire une publication (brouillon)",
            description = "Un message et une déclinaison par compte, avec ses médias. La publication est un "
                    + "brouillon : /submit l'envoie au circuit de validation.")
    ResponseEntity<PostResponse> create(@Valid @RequestBody PostRequests.PostInput input, HttpServletRequest request) {
        PostView post = publishing.create(input.command());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/posts/{id}")
                        .buildAndExpand(post.id()).toUri())
                .body(PostResponse.of(post, words(request)));
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "409", description = "Publication en cours d'envoi, déjà publiée ou plus modifiable",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "updatePost", summary = "Modifier une publication",
            description = "Remplace le contenu et les comptes. Une publication validée ou programmée revient au "
                    + "brouillon (le circuit recommence).")
    PostResponse update(@PathVariable String id, @Valid @RequestBody PostRequests.PostInput input,
            HttpServletRequest request) {
        return PostResponse.of(publishing.update(Ids.parse(id), input.command()), words(request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "La publication n'est pas un brouillon",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "deletePost", summary = "Supprimer un brouillon",
            description = "Le brouillon est conservé comme annulé (archives publiques) et disparaît des listes.")
    ResponseEntity<Void> delete(@PathVariable String id) {
        publishing.deleteDraft(Ids.parse(id));
        return ResponseEntity.noContent().build();
    }

    // ---- Circuit ------------------------------------------------------------------------------

    @PostMapping("/{id}/submit")
    @ApiResponse(responseCode = "409", description = "La publication n'est pas un brouillon",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "submitPost", summary = "Soumettre au circuit de validation",
            description = "Refusée (400) tant que les vérifications trouvent des erreurs ou des avertissements non "
                    + "acceptés : la liste errors les donne, chacune avec son code. Sans niveau de validation, la "
                    + "publication est validée aussitôt.")
    PostResponse submit(@PathVariable String id, @Valid @RequestBody(required = false) PostRequests.Submission body,
            HttpServletRequest request) {
        UUID postId = Ids.parse(id);
        Set<String> acknowledged = body == null || body.acknowledged() == null ? Set.of() : body.acknowledged();
        return PostResponse.of(explained(postId, acknowledged, request,
                () -> publishing.submit(postId, acknowledged)), words(request));
    }

    @PostMapping("/{id}/approve")
    @ApiResponse(responseCode = "409", description = "La publication n'attend pas de validation, ou son heure est "
            + "passée",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "approvePost", summary = "Valider (un niveau du circuit)",
            description = "Réservé aux rôles du niveau en attente ; l'auteur ne valide pas sa propre publication "
                    + "(403).")
    PostResponse approve(@PathVariable String id, @Valid @RequestBody(required = false) PostRequests.Approval body,
            HttpServletRequest request) {
        UUID postId = Ids.parse(id);
        return PostResponse.of(explained(postId, Set.of(), request,
                () -> publishing.approve(postId, body == null ? null : body.comment())), words(request));
    }

    @PostMapping("/{id}/request-changes")
    @ApiResponse(responseCode = "409", description = "La publication n'attend pas de validation",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "requestPostChanges", summary = "Renvoyer à l'auteur",
            description = "Avec la raison, obligatoire. L'auteur est prévenu.")
    PostResponse requestChanges(@PathVariable String id, @Valid @RequestBody PostRequests.ChangesRequest body,
            HttpServletRequest request) {
        return PostResponse.of(publishing.requestChanges(Ids.parse(id), body.comment()), words(request));
    }

    @PostMapping("/{id}/schedule")
    @ApiResponse(responseCode = "409", description = "La publication ne peut plus être programmée",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "schedulePost", summary = "Programmer (ou reprogrammer)",
            description = "Une publication validée part à cette heure ; un brouillon garde l'heure pour la suite du "
                    + "circuit. L'heure ne peut pas être passée.")
    PostResponse schedule(@PathVariable String id, @Valid @RequestBody PostRequests.Schedule body,
            HttpServletRequest request) {
        UUID postId = Ids.parse(id);
        return PostResponse.of(explained(postId, Set.of(), request, () -> renamed("scheduledAt", "at",
                () -> publishing.schedule(postId, body.at()))), words(request));
    }

    @PostMapping("/{id}/publish-now")
    @ApiResponse(responseCode = "409", description = "La publication n'est pas validée",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "publishPostNow", summary = "Publier maintenant une publication validée")
    PostResponse publishNow(@PathVariable String id, HttpServletRequest request) {
        UUID postId = Ids.parse(id);
        return PostResponse.of(explained(postId, Set.of(), request, () -> publishing.publishNow(postId)),
                words(request));
    }

    @PostMapping("/{id}/cancel")
    @ApiResponse(responseCode = "409", description = "Publication en cours d'envoi ou déjà publiée",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "cancelPost", summary = "Annuler une publication non publiée",
            description = "Les programmations (y compris celles enregistrées sur les réseaux) sont annulées ; rien "
                    + "n'est effacé.")
    PostResponse cancel(@PathVariable String id, HttpServletRequest request) {
        return PostResponse.of(publishing.cancel(Ids.parse(id)), words(request));
    }

    @PostMapping("/{id}/variants/{variantId}/resolve")
    @ApiResponse(responseCode = "409", description = "Le résultat de cette publication n'est pas incertain",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "resolvePublication", summary = "Trancher un résultat incertain",
            description = "Après vérification sur le réseau : publiée (avec son adresse si connue), ou non publiée "
                    + "(elle repart aussitôt, une seule fois).")
    PostResponse resolve(@PathVariable String id, @PathVariable String variantId,
            @Valid @RequestBody PostRequests.Resolution body, HttpServletRequest request) {
        return PostResponse.of(publishing.resolveOutcome(Ids.parse(id), Ids.parse(variantId), body.published(),
                body.url()), words(request));
    }

    @PostMapping("/{id}/variants/{variantId}/thread/{number}/resolve")
    @ApiResponse(responseCode = "409", description = "Le résultat de cette partie du fil n'est ni incertain ni un échec",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "resolveThreadPart", summary = "Trancher une partie de fil incertaine ou refusée",
            description = "Après vérification sur le réseau : en ligne (avec son adresse si connue ; sans son "
                    + "identifiant, les parties suivantes s'arrêtent), ou non publiée (elle repart avec le fil, une "
                    + "seule fois).")
    PostResponse resolvePart(@PathVariable String id, @PathVariable String variantId, @PathVariable int number,
            @Valid @RequestBody PostRequests.Resolution body, HttpServletRequest request) {
        return PostResponse.of(publishing.resolveThreadPart(Ids.parse(id), Ids.parse(variantId), number,
                body.published(), body.url()), words(request));
    }

    // ---- Errors -------------------------------------------------------------------------------

    /**
     * Runs an action refused when the checks fail; the refusal then lists every finding in the way,
     * so that a client can correct them (or acknowledge the warnings) without another call.
     */
    private PostView explained(UUID postId, Set<String> acknowledged, HttpServletRequest request,
            Supplier<PostView> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (!e.messageKey().equals("publishing.checks.errors") && !e.messageKey().equals("publishing.checks.warnings")) {
                throw e;
            }
            CheckReport report = publishing.check(postId);
            Words words = words(request);
            Set<String> accepted = new HashSet<>(acknowledged);
            List<FindingResponse> blocking = report.findings().stream()
                    .filter(f -> f.error() || (!f.acknowledged() && !accepted.contains(f.code())))
                    .map(f -> FindingResponse.of(f, words)).toList();
            throw new ChecksRefused(words.text(e.messageKey(), List.of(e.arguments())), blocking);
        }
    }

    private static PostView renamed(String field, String as, Supplier<PostView> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (field.equals(e.field())) {
                throw new InvalidInputException(e.messageKey(), as, e.arguments());
            }
            throw e;
        }
    }

    @ExceptionHandler(ChecksRefused.class)
    ResponseEntity<ProblemDetail> refused(ChecksRefused e, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail);
        problem.setType(URI.create("https://parvis.fr/problemes/invalid-input"));
        problem.setTitle(messages.getMessage("problem.title.400", null, "Bad Request", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "invalid-input");
        List<Map<String, String>> errors = e.findings.stream().map(f -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", f.code());
            error.put("message", f.message());
            return error;
        }).toList();
        problem.setProperty("errors", errors);
        problem.setProperty("findings", e.findings);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Content-Language", locale.getLanguage()).body(problem);
    }

    /** The checks refused an action: the findings in the way. */
    static final class ChecksRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String detail;
        private final transient List<FindingResponse> findings;

        ChecksRefused(String detail, List<FindingResponse> findings) {
            super(detail);
            this.detail = detail;
            this.findings = List.copyOf(findings);
        }
    }

    // ---- Language -----------------------------------------------------------------------------

    private Words words(HttpServletRequest request) {
        Locale locale = locale(request);
        return (key, arguments) -> key == null ? null
                : messages.getMessage(key, arguments == null ? null : arguments.toArray(), key, locale);
    }

    /** English when the client prefers it (Accept-Language), else French. */
    static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return best == null ? Locale.FRENCH : best;
        } catch (IllegalArgumentException e) {
            return Locale.FRENCH;
        }
    }

}

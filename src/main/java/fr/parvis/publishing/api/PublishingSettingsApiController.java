package fr.parvis.publishing.api;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.AccountPublishingSettingView;
import fr.parvis.publishing.CircuitSettingsView;
import fr.parvis.publishing.PublishingSettingsManagement;
import fr.parvis.publishing.mail.MailQueue;
import fr.parvis.shared.Ids;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The publishing settings of the current collectivité: the approval circuit, each account's own
 * settings, the names watched during a reserve period, and the e-mails that could not be sent.
 * Rules and audit are those of {@link PublishingSettingsManagement}, shared with the page
 * {@code /parametres/publication}; changes need the publishing settings permission.
 */
@RestController
@Validated
@RequestMapping("/api/v1/publishing/settings")
@Tag(name = PublishingSettingsApiController.TAG, description = "Réglages de publication : circuit de validation, "
        + "réglages par compte, noms surveillés pendant la réserve, courriels non envoyés.")
class PublishingSettingsApiController {

    static final String TAG = "Réglages de publication";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM = "#/components/schemas/Problem";

    private final PublishingSettingsManagement settings;
    private final MailQueue mails;

    PublishingSettingsApiController(PublishingSettingsManagement settings, MailQueue mails) {
        this.settings = settings;
        this.mails = mails;
    }

    @GetMapping
    @Operation(operationId = "getPublishingSettings", summary = "Réglages de publication",
            description = "Le circuit (niveaux, rôles par niveau, courriels), les noms surveillés pendant la réserve "
                    + "et les réglages de chaque compte qui peut publier. Lisible par tout membre.")
    SettingsResponse get() {
        return response();
    }

    @ResponseStatus(HttpStatus.OK)
    @PutMapping
    @ApiResponse(responseCode = "400", description = "Niveaux hors de 0 à 2, rôle qui ne valide pas, niveau sans rôle",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Droit de régler la publication requis",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "updatePublishingCircuit", summary = "Modifier le circuit de validation",
            description = "0, 1 ou 2 niveaux ; chaque niveau utilisé (par la collectivité ou un compte) a au moins un "
                    + "rôle ; seuls ADMIN, COMMUNICATION_DIRECTOR et ELECTED_OFFICIAL valident. Journalisé.")
    SettingsResponse updateCircuit(@Valid @RequestBody Circuit body) {
        settings.change(body.approvalLevels(), body.level1Roles(), body.level2Roles(),
                body.notifyByEmail() == null || body.notifyByEmail());
        return response();
    }

    @ResponseStatus(HttpStatus.OK)
    @PutMapping("/accounts/{accountId}")
    @ApiResponse(responseCode = "400", description = "Niveaux invalides, niveau sans rôle, ou programmation par le "
            + "réseau non prise en charge", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "Compte introuvable dans la collectivité",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "updateAccountPublishingSettings", summary = "Modifier les réglages d'un compte",
            description = "Ses propres niveaux de validation (null : ceux de la collectivité) et la programmation "
                    + "par le réseau (seulement si le réseau la permet). Journalisé.")
    AccountResponse updateAccount(@PathVariable String accountId, @Valid @RequestBody Account body) {
        return AccountResponse.of(settings.changeAccount(Ids.parse(accountId), body.approvalLevels(),
                Boolean.TRUE.equals(body.nativeScheduling())));
    }

    @ResponseStatus(HttpStatus.OK)
    @PutMapping("/reserve-names")
    @ApiResponse(responseCode = "400", description = "Trop de noms, nom trop long ou caractères de contrôle",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "updateReserveNames", summary = "Remplacer les noms surveillés pendant la réserve",
            description = "Candidats et partis (un nom cité est signalé), et leurs comptes (@identifiant ou adresse "
                    + "http(s) : les relayer est refusé pendant la réserve, Code électoral L52-8). 100 noms de 150 "
                    + "caractères au plus ; lignes vides ignorées, doublons gardés une fois. Journalisé.")
    ReserveNames updateReserveNames(@Valid @RequestBody ReserveNames body) {
        return new ReserveNames(settings.changeReserveNames(body.names()));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/failed-mails")
    @ApiResponse(responseCode = "403", description = "Droit de régler la publication requis",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "listFailedMails", summary = "Courriels non envoyés",
            description = "Les courriels du circuit abandonnés après toutes les tentatives (1 min, 5 min, 30 min, "
                    + "2 h, 12 h par défaut), les plus récents d'abord (50 au plus).")
    List<FailedMail> failedMails() {
        return mails.failed().stream().map(FailedMail::of).toList();
    }

    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/failed-mails/{mailId}/retry")
    @ApiResponse(responseCode = "404", description = "Courriel introuvable parmi les courriels non envoyés",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @Operation(operationId = "retryFailedMail", summary = "Relancer un courriel non envoyé",
            description = "Une nouvelle série de tentatives commence, la première tout de suite. Journalisé.")
    FailedMail retryMail(@PathVariable String mailId) {
        return FailedMail.of(mails.retry(Ids.parse(mailId)));
    }

    private SettingsResponse response() {
        CircuitSettingsView circuit = settings.settings();
        return new SettingsResponse(circuit.approvalLevels(), new TreeSet<>(circuit.level1Roles()),
                new TreeSet<>(circuit.level2Roles()), circuit.notifyByEmail(), settings.reserveNames(),
                settings.accountSettings().stream().map(AccountResponse::of).toList());
    }

    // ---- Bodies -------------------------------------------------------------------------------

    /** The approval circuit. */
    @Schema(name = "PublishingCircuit", description = "Circuit de validation")
    record Circuit(@Schema(example = "1") int approvalLevels,
            @Size(max = 3) Set<Role> level1Roles, @Size(max = 3) Set<Role> level2Roles,
            @Schema(description = "Prévenir aussi par courriel (vrai si absent)") Boolean notifyByEmail) {
    }

    /** An account's own settings. */
    @Schema(name = "AccountPublishingSettingsChange", description = "Réglages propres d'un compte")
    record Account(@Schema(description = "Niveaux propres (null : ceux de la collectivité)", nullable = true)
            Integer approvalLevels, Boolean nativeScheduling) {
    }

    /** The names watched during the reserve. */
    @Schema(name = "ReserveNames", description = "Noms et comptes surveillés pendant la réserve")
    record ReserveNames(@NotNull @Size(max = 1000) List<@Size(max = 1000) String> names) {
    }

    /** All the settings. */
    @Schema(name = "PublishingSettings", description = "Réglages de publication de la collectivité")
    record SettingsResponse(int approvalLevels, Set<Role> level1Roles, Set<Role> level2Roles, boolean notifyByEmail,
            List<String> reserveNames, List<AccountResponse> accounts) {
    }

    /** One account's settings. */
    @Schema(name = "AccountPublishingSettings", description = "Réglages de publication d'un compte")
    record AccountResponse(UUID accountId, Network network, String handle, String community, Integer approvalLevels,
            boolean nativeScheduling, boolean nativeSchedulingSupported) {

        static AccountResponse of(AccountPublishingSettingView v) {
            return new AccountResponse(v.accountId(), v.network(), v.handle(), v.community(), v.approvalLevels(),
                    v.nativeScheduling(), v.nativeSchedulingSupported());
        }
    }

    /** An e-mail given up. */
    @Schema(name = "FailedMail", description = "Courriel abandonné après toutes les tentatives")
    record FailedMail(UUID id, UUID postId, String recipient, String subject, int attempts, Instant lastAttemptAt,
            String lastError) {

        static FailedMail of(MailQueue.FailedMailView v) {
            return new FailedMail(v.id(), v.postId(), v.recipient(), v.subject(), v.attempts(), v.lastAttemptAt(),
                    v.lastError());
        }
    }
}

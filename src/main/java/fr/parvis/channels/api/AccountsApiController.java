package fr.parvis.channels.api;

import fr.parvis.channels.ChannelInteractionView;
import fr.parvis.channels.ChannelPostView;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.SyncReport;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Social accounts of the current collectivité. Mastodon accounts are connected from the interface
 * (the OAuth authorisation happens in a browser on the instance).
 */
@RestController
@Validated
@RequestMapping("/api/v1/accounts")
@Tag(name = "Comptes sociaux")
class AccountsApiController {

    private final SocialAccountManagement accounts;

    AccountsApiController(SocialAccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "Comptes sociaux de la collectivité")
    List<SocialAccountView> list() {
        return accounts.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAccount", summary = "Un compte et son état",
            description = "Dernière lecture, expiration des jetons, limite d'appels, activité récente, "
                    + "ce que permet le réseau.")
    AccountHealthResponse get(@PathVariable String id) {
        return AccountHealthResponse.of(accounts.health(Ids.parse(id)));
    }

    @PostMapping("/sandbox")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSandboxAccount", summary = "Créer un compte Sandbox (réseau simulé)")
    ResponseEntity<SocialAccountView> createSandbox(@Valid @RequestBody AccountRequests.SandboxCreate request) {
        return created(accounts.connectOneClick(Network.SANDBOX, request.handle(), request.displayName(),
                request.community()));
    }

    @PostMapping("/bluesky")
    @Operation(operationId = "connectBlueskyAccount", summary = "Connecter un compte Bluesky",
            description = "Avec un mot de passe d'application (jamais le mot de passe principal).")
    ResponseEntity<SocialAccountView> connectBluesky(@Valid @RequestBody AccountRequests.BlueskyConnect request) {
        return created(accounts.connectWithAppPassword(Network.BLUESKY, request.identifier(), request.appPassword(),
                request.server(), request.community()));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateAccount", summary = "Changer la communauté servie ou l'état d'un compte")
    SocialAccountView update(@PathVariable String id, @Valid @RequestBody AccountRequests.Patch patch) {
        UUID accountId = Ids.parse(id);
        SocialAccountView account = accounts.get(accountId);
        if (patch.community() != null) {
            account = accounts.changeCommunity(accountId, patch.community());
        }
        if (patch.status() != null) {
            account = switch (patch.status()) {
                case PAUSED -> accounts.pause(accountId);
                case CONNECTED -> accounts.resume(accountId);
                case DISABLED -> accounts.disable(accountId);
                case RECONNECTION_NEEDED -> throw new InvalidInputException("account.status.notSettable", "status");
            };
        }
        return account;
    }

    @PostMapping("/{id}/sync")
    @Operation(operationId = "syncAccount", summary = "Lire le compte maintenant (publications et interactions)")
    SyncReport sync(@PathVariable String id) {
        return accounts.syncNow(Ids.parse(id));
    }

    @GetMapping("/{id}/posts")
    @Operation(operationId = "listAccountPosts", summary = "Dernières publications lues sur le compte")
    List<ChannelPostView> posts(@PathVariable String id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return accounts.recentPosts(Ids.parse(id), limit);
    }

    @GetMapping("/{id}/interactions")
    @Operation(operationId = "listAccountInteractions", summary = "Dernières interactions reçues sur le compte")
    List<ChannelInteractionView> interactions(@PathVariable String id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return accounts.recentInteractions(Ids.parse(id), limit);
    }

    private static ResponseEntity<SocialAccountView> created(SocialAccountView account) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/accounts/{id}")
                        .buildAndExpand(account.id()).toUri())
                .body(account);
    }
}

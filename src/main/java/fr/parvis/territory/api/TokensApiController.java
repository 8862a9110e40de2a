package fr.parvis.territory.api;

import fr.parvis.shared.ForbiddenException;
import fr.parvis.shared.Ids;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.AuthChannel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Personal access tokens of the caller, or of the whole collectivité for administrators. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = ApiTags.TOKENS)
class TokensApiController {

    private final ApiTokenManagement tokens;

    TokensApiController(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(operationId = "listTokens", summary = "Jetons",
            description = "Les jetons de l'appelant dans la collectivité courante, révoqués et "
                    + "expirés compris ; avec all=true, tous ceux de la collectivité (administrateurs).")
    List<TokenResponse> list(@Parameter(description = "Tous les jetons de la collectivité (administrateurs)")
            @RequestParam(name = "all", defaultValue = "false") boolean all) {
        List<ApiTokenView> views = all ? tokens.all() : tokens.mine();
        return views.stream().map(TokenResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createToken", summary = "Créer un jeton",
            description = "Depuis une session du navigateur seulement (un jeton ne peut "
                    + "pas en créer un autre). Le secret est renvoyé une seule fois.")
    ResponseEntity<CreatedTokenResponse> create(@Valid @RequestBody TokenCreateRequest request) {
        if (Actors.requireAgent().channel() == AuthChannel.API_TOKEN) {
            // ApiTokenManagement refuses it too; this only explains why.
            throw new ForbiddenException("token-creation-with-token", "api.token.createWithToken");
        }
        CreatedApiToken created = tokens.create(request.toNewApiToken());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.token().id()).toUri())
                .cacheControl(CacheControl.noStore())
                .body(CreatedTokenResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getToken", summary = "Un jeton",
            description = "Les siens, ou tout jeton de la collectivité pour un administrateur.")
    TokenResponse get(@PathVariable String id) {
        return TokenResponse.of(tokens.get(Ids.parse(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Révoquer un jeton",
            description = "Le jeton reste listé, avec sa date de révocation.")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        tokens.revoke(Ids.parse(id));
        return ResponseEntity.noContent().build();
    }
}

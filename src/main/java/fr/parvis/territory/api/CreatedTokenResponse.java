package fr.parvis.territory.api;

import fr.parvis.territory.CreatedApiToken;
import io.swagger.v3.oas.annotations.media.Schema;

/** A token just created, with its secret: the only time the secret is given. */
@Schema(name = "CreatedToken", description = "Jeton créé, avec son secret : il n'est donné qu'une fois")
record CreatedTokenResponse(TokenResponse token,
        @Schema(description = "Secret du jeton (pvs_…), à conserver") String secret) {

    static CreatedTokenResponse of(CreatedApiToken created) {
        return new CreatedTokenResponse(TokenResponse.of(created.token()), created.secret());
    }

    @Override
    public String toString() {
        return "CreatedTokenResponse[" + token.id() + "]";
    }
}

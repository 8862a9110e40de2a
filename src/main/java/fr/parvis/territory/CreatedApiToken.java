package fr.parvis.territory;

/** A token just created: the only moment its secret is known. */
public record CreatedApiToken(ApiTokenView token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token.id() + "]";
    }
}

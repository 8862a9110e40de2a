package fr.parvis.territory;

import java.io.Serializable;

/**
 * A token just created: the only moment its secret is known. Serializable because the web layer
 * hands it to the next page as a flash attribute, which lives in the (JDBC) session until shown.
 */
public record CreatedApiToken(ApiTokenView token, String secret) implements Serializable {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token.id() + "]";
    }
}

package fr.parvis.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a collectivité, the tenant of every scoped record. */
public record CollectiviteId(UUID value) implements Serializable {

    public CollectiviteId {
        Objects.requireNonNull(value, "value");
    }

    public static CollectiviteId of(UUID value) {
        return new CollectiviteId(value);
    }

    /** Parses a textual id; throws {@link InvalidInputException} on malformed input. */
    public static CollectiviteId parse(String text) {
        return new CollectiviteId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

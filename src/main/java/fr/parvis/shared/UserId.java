package fr.parvis.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a user account (an agent of one or several collectivités). */
public record UserId(UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

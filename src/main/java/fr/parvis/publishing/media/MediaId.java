package fr.parvis.publishing.media;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.parvis.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a medium of the library (a plain UUID string in JSON). */
public record MediaId(@JsonValue UUID value) {

    public MediaId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a textual id; an invalid one is not found (404), as for a missing medium. */
    public static MediaId parse(String text) {
        return new MediaId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package fr.parvis.publishing.media;

import fr.parvis.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a medium of the library. */
public record MediaId(UUID value) {

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

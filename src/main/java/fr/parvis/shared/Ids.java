package fr.parvis.shared;

import java.util.UUID;

/** Parsing of identifiers received from users (paths, forms, API bodies). */
public final class Ids {

    private Ids() {
    }

    /**
     * Parses a UUID. A malformed id cannot designate anything, so it is reported as "not found"
     * rather than as a server error: callers see the same answer as for an unknown id.
     */
    public static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            throw new NotFoundException("error.notFound.generic");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("error.notFound.generic");
        }
    }

    public static UUID random() {
        return UUID.randomUUID();
    }
}

package fr.parvis.channels.net;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/** Lenient reading of the JSON answers of networks: a missing, null or mistyped field is {@code null}. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The text of a scalar field, or null when absent, null, or an object or array. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** A numeric field, or null when absent or not a number. */
    public static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    /** An address, or null when blank or not a URI. */
    public static URI uri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

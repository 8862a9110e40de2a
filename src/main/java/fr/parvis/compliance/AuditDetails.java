package fr.parvis.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of an audit entry: {@code key=value} pairs separated by {@code "; "}, written in a
 * language-neutral form so that the trail can be read in French or English. Modules that record
 * entries build them with {@link #of}.
 */
public final class AuditDetails {

    private AuditDetails() {
    }

    /** {@code of("role", "ADMIN", "account", "new")} gives {@code "role=ADMIN; account=new"}. */
    public static String of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values go in pairs");
        }
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!details.isEmpty()) {
                details.append("; ");
            }
            details.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return details.toString();
    }

    /** The pairs of a details text; a part without {@code =} is kept under the key {@code ""}. */
    public static Map<String, String> parse(String details) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (details == null || details.isBlank()) {
            return pairs;
        }
        for (String part : details.split("; ")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                pairs.merge("", part, (a, b) -> a + "; " + b);
            } else {
                pairs.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        return pairs;
    }
}

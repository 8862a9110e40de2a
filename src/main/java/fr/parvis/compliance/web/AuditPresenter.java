package fr.parvis.compliance.web;

import fr.parvis.compliance.AuditDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders audit details and platform actors in the reader's language: keys, roles, types and
 * field names through the message bundles, instants in the collectivité's time zone. Unknown
 * keys and values are shown as recorded. Used by the audit templates as {@code @auditPresenter}.
 */
@Component("auditPresenter")
class AuditPresenter {

    private final MessageSource messages;

    AuditPresenter(MessageSource messages) {
        this.messages = messages;
    }

    /** "role=ADMIN; account=new" gives "Rôle : Administrateur ; compte : nouveau" in French. */
    public String details(String details, String timeZone) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> pair : AuditDetails.parse(details).entrySet()) {
            if (pair.getKey().isEmpty()) {
                parts.add(pair.getValue());
                continue;
            }
            String label = messages.getMessage("audit.detail." + pair.getKey(), null, pair.getKey(), locale);
            parts.add(messages.getMessage("audit.detail.pair", new Object[] {label, value(pair.getKey(),
                    pair.getValue(), timeZone, locale)}, label + ": " + pair.getValue(), locale));
        }
        return String.join(messages.getMessage("audit.detail.separator", null, "; ", locale), parts);
    }

    /** The platform's reason for acting ("demo seeding"…) in the reader's language. */
    public String systemReason(String reason) {
        String key = "audit.reason." + reason.replaceAll("[^A-Za-z0-9]+", "-");
        return messages.getMessage(key, null, reason, LocaleContextHolder.getLocale());
    }

    private String value(String key, String value, String timeZone, Locale locale) {
        return switch (key) {
            case "role", "from", "to" -> messages.getMessage("role." + value, null, value, locale);
            case "type" -> messages.getMessage("collectivite.type." + value, null, value, locale);
            case "network" -> messages.getMessage("network." + value, null, value, locale);
            case "reason" -> messages.getMessage(value, null, value, locale);
            case "account", "method" -> messages.getMessage("audit.detail." + key + "." + value, null, value, locale);
            case "fields" -> String.join(", ", java.util.Arrays.stream(value.split(","))
                    .map(field -> messages.getMessage("audit.field." + field.strip(), null, field.strip(), locale))
                    .toList());
            case "until", "expires" -> instant(value, timeZone, locale);
            default -> value;
        };
    }

    private static String instant(String value, String timeZone, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", locale)
                    .format(Instant.parse(value).atZone(ZoneId.of(timeZone)));
        } catch (java.time.DateTimeException e) {
            return value;
        }
    }
}

package fr.parvis.system.web;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders a message key recorded in data (an account's status reason, an activity log line) with
 * its recorded arguments, whether or not the message has placeholders: arguments are applied only
 * to messages that take them, so the apostrophes of the others survive. Used by templates as
 * {@code @messageText.of(key, arguments)}.
 */
@Component("messageText")
class MessageText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private final MessageSource messages;

    MessageText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, List<?> arguments) {
        if (key == null) {
            return "";
        }
        String raw = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
        if (raw == null || !PLACEHOLDER.matcher(raw).find() || arguments == null || arguments.isEmpty()) {
            return raw;
        }
        return messages.getMessage(key, arguments.toArray(), key, LocaleContextHolder.getLocale());
    }

    public String of(String key, Object argument) {
        return of(key, argument == null ? List.of() : List.of(argument));
    }
}

package fr.parvis.system.web;

import fr.parvis.shared.DomainException;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages show a precise, translated explanation when one is known (the business error, or a
 * form whose CSRF token expired), and never an exception name or stack trace.
 */
@Component
class ParvisErrorAttributes extends DefaultErrorAttributes {

    static final String CSRF_ATTRIBUTE = "parvis.error.csrf";

    private final MessageSource messages;

    ParvisErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request,
                options.excluding(ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.STACK_TRACE,
                        ErrorAttributeOptions.Include.MESSAGE, ErrorAttributeOptions.Include.BINDING_ERRORS));
        Throwable error = getError(request);
        if (error instanceof DomainException domain) {
            attributes.put("detail", messages.getMessage(domain.messageKey(), domain.arguments(), domain.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        if (request.getAttribute(CSRF_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null) {
            attributes.put("csrf", true);
        }
        return attributes;
    }
}

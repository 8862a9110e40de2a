package fr.parvis.system.security;

import fr.parvis.system.web.Locales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 Problem Details written by the security filters (before any controller runs), in the
 * language of the API client.
 */
@Component
class ProblemResponses {

    static final String TYPE_BASE = "https://parvis.fr/problemes/";

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"parvis\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (exception instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "problem.csrf");
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String messageKey, Object... arguments) throws IOException {
        Locale locale = Locales.ofApiRequest(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + code).toString());
        body.put("title", messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(messageKey, arguments, locale));
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        json.writeValue(response.getOutputStream(), body);
    }
}

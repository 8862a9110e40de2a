package fr.parvis.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Sends the back-office's 403 page; a missing or stale CSRF token gets its own explanation (the
 * form expired: reload the page).
 */
@Component
class WebAccessDeniedHandler implements AccessDeniedHandler {

    /** Request attribute read by the error page to explain a CSRF refusal. */
    public static final String CSRF_ATTRIBUTE = "parvis.error.csrf";  // read by ParvisErrorAttributes

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (exception instanceof CsrfException) {
            request.setAttribute(CSRF_ATTRIBUTE, Boolean.TRUE);
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}

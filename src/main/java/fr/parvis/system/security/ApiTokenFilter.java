package fr.parvis.system.security;

import fr.parvis.territory.access.ApiTokenAuthenticator;
import fr.parvis.territory.access.ApiTokenAuthenticator.InvalidTokenException;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. The context is
 * not stored in a session: each request presents its token. A refused token gets a 401 Problem
 * saying why (unknown, expired on…, revoked on…, owner's access changed).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final ApiTokenAuthenticator tokens;
    private final ProblemResponses problems;

    ApiTokenFilter(ApiTokenAuthenticator tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = SecurityConfiguration.bearerToken(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ParvisAuthentication authentication;
        try {
            authentication = tokens.authenticate(secret.get(), request.getRemoteAddr());
        } catch (InvalidTokenException e) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"parvis\", error=\"invalid_token\"");
            // Only messages with a {0} placeholder get an argument: MessageFormat would otherwise
            // swallow the single apostrophes of the others ("jeton d'API").
            Object[] arguments = e.at() == null ? new Object[0] : new Object[] {DATE.format(e.at())};
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token-" + e.reason(), "problem.token." + e.reason(),
                    arguments);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

package fr.parvis.system.security;

import fr.parvis.territory.access.SessionState;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agent whose password was set by an administrator must choose their own before doing
 * anything else: every page but the account page, logout and static files redirects there.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String ACCOUNT_PAGE = "/compte";

    private static final Set<String> ALLOWED = Set.of(ACCOUNT_PAGE, "/compte/mot-de-passe", "/deconnexion", "/error",
            "/theme.css", "/connexion");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object state = request.getAttribute(AccessRefreshFilter.STATE_ATTRIBUTE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (state instanceof SessionState session && session.mustChangePassword() && !ALLOWED.contains(path)
                && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/img/")
                && !path.startsWith("/webjars/")) {
            response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE + "?changer-mot-de-passe");
            return;
        }
        chain.doFilter(request, response);
    }
}

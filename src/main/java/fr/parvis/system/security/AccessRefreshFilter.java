package fr.parvis.system.security;

import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refreshes a session's authentication from the database before the request is handled. An agent
 * who lost every access is logged out.
 */
class AccessRefreshFilter extends OncePerRequestFilter {

    static final String STATE_ATTRIBUTE = AccessRefreshFilter.class.getName() + ".state";

    private final AccessRefresher refresher;
    private final SecurityContextRepository contexts;

    AccessRefreshFilter(AccessRefresher refresher, SecurityContextRepository contexts) {
        this.refresher = refresher;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ParvisAuthentication agent && agent.channel() != AuthChannel.API_TOKEN) {
            Optional<AccessRefresher.Refreshed> refreshed = refresher.refresh(agent);
            if (refreshed.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                ParvisAuthentication updated = refreshed.get().authentication();
                request.setAttribute(STATE_ATTRIBUTE, refreshed.get().state());
                if (!updated.access().equals(agent.access()) || !updated.getPrincipal().equals(agent.getPrincipal())) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(updated);
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}

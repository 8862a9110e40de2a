package fr.parvis.system.security;

import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.AgentPrincipal;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SessionState;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Re-reads, on each request, what a session-authenticated agent may do, so that a role change, a
 * removal or a revoked delegation takes effect at once rather than at the next login.
 */
@Component
class AccessRefresher {

    private final AccessManagement access;

    AccessRefresher(AccessManagement access) {
        this.access = access;
    }

    /** The refreshed authentication and state, or empty when the agent lost every access. */
    Optional<Refreshed> refresh(ParvisAuthentication current) {
        return access.refresh(current.userId(), current.currentCollectivite()).map(state -> {
            AgentPrincipal principal = new AgentPrincipal(current.userId(), state.email(), state.displayName());
            ParvisAuthentication updated = principal.equals(current.getPrincipal())
                    ? current.withAccess(state.access())
                    : ParvisAuthentication.forSession(principal, state.access(), current.channel());
            return new Refreshed(updated, state);
        });
    }

    record Refreshed(ParvisAuthentication authentication, SessionState state) {
    }
}

package fr.parvis.territory.access;

import fr.parvis.territory.Permission;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current actor and the permission checks that every management service performs. */
public final class Actors {

    private Actors() {
    }

    /** The agent behind the current request, if any (empty for the platform and anonymous users). */
    public static Optional<ParvisAuthentication> currentAgent() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ParvisAuthentication agent ? Optional.of(agent) : Optional.empty();
    }

    /** The current agent, or {@link AccessDeniedException} when none is authenticated. */
    public static ParvisAuthentication requireAgent() {
        return currentAgent().orElseThrow(() -> new AccessDeniedException("An authenticated agent is required"));
    }

    /** The platform acting by itself, if it is the current actor. */
    public static Optional<SystemAuthentication> currentSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof SystemAuthentication system ? Optional.of(system) : Optional.empty();
    }

    /** Whether the current actor holds the permission (the platform holds them all). */
    public static boolean has(Permission permission) {
        if (currentSystem().isPresent()) {
            return true;
        }
        return currentAgent().map(agent -> agent.has(permission)).orElse(false);
    }

    /** Throws {@link AccessDeniedException} unless the current actor holds the permission. */
    public static void require(Permission permission) {
        if (!has(permission)) {
            throw new AccessDeniedException("Permission " + permission + " required");
        }
    }
}

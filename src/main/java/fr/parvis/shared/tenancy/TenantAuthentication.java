package fr.parvis.shared.tenancy;

import fr.parvis.shared.CollectiviteId;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * An authentication that acts inside one collectivité — or, for a few audited platform
 * operations, in the root scope that sees every collectivité.
 *
 * <p>The current {@link Authentication} is the only source of the current tenant: see {@link
 * Tenancy}.
 */
public interface TenantAuthentication extends Authentication {

    /** The collectivité this authentication acts for; empty in the root scope. */
    Optional<CollectiviteId> collectiviteId();

    /** True only for platform operations that must see every collectivité. */
    default boolean rootScope() {
        return false;
    }
}

package fr.parvis.shared.tenancy;

import fr.parvis.shared.CollectiviteId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the current collectivité from the security context.
 *
 * <p>Every Hibernate session asks {@link TenantIdentifierResolver} for its tenant when it opens,
 * and the resolver asks this class: a request authenticated for commune A can only read and write
 * rows of commune A, whatever the controller or repository does. Outside any authentication (a
 * background thread that forgot to say for whom it acts), the tenant is {@link #NO_TENANT}, which
 * matches no row.
 */
public final class Tenancy {

    /** Tenant of sessions opened without a collectivité: matches no row. */
    static final UUID NO_TENANT = new UUID(0L, 0L);

    /** Tenant of root-scope sessions: Hibernate applies no tenant filter. */
    static final UUID ROOT = new UUID(-1L, -1L);

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private Tenancy() {
    }

    /** The collectivité the current request or task acts for. */
    public static Optional<CollectiviteId> current() {
        return tenantAuthentication().flatMap(TenantAuthentication::collectiviteId);
    }

    /** The current collectivité, or {@link NoCurrentCollectiviteException}. */
    public static CollectiviteId require() {
        return current().orElseThrow(NoCurrentCollectiviteException::new);
    }

    /** True when the current code runs in the (audited) root scope. */
    public static boolean isRootScope() {
        return tenantAuthentication().map(TenantAuthentication::rootScope).orElse(false);
    }

    static UUID tenantIdentifier() {
        if (RESOLVING.get() != null) {
            // Reading the security context may itself open a session (Spring Session JDBC loading the
            // HTTP session lazily): that inner session needs no tenant.
            return NO_TENANT;
        }
        Optional<TenantAuthentication> authentication;
        RESOLVING.set(Boolean.TRUE);
        try {
            authentication = tenantAuthentication();
        } finally {
            RESOLVING.remove();
        }
        if (authentication.isEmpty()) {
            return NO_TENANT;
        }
        if (authentication.get().rootScope()) {
            return ROOT;
        }
        return authentication.get().collectiviteId().map(CollectiviteId::value).orElse(NO_TENANT);
    }

    private static Optional<TenantAuthentication> tenantAuthentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TenantAuthentication tenantAuthentication
                && authentication.isAuthenticated()) {
            return Optional.of(tenantAuthentication);
        }
        return Optional.empty();
    }
}

package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.TenantAuthentication;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs code as the platform itself. The tenant of a Hibernate session is fixed when its
 * transaction starts, so these methods refuse to run inside a transaction: call them around the
 * transactional work, never within it.
 */
public final class SystemActor {

    private SystemActor() {
    }

    /** Runs {@code work} for one collectivité, with every permission. */
    public static <T> T actFor(CollectiviteId collectiviteId, String reason, Supplier<T> work) {
        Objects.requireNonNull(collectiviteId, "collectiviteId");
        return run(new SystemAuthentication(collectiviteId, false, reason), work);
    }

    public static void actFor(CollectiviteId collectiviteId, String reason, Runnable work) {
        actFor(collectiviteId, reason, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in the root scope, where no tenant filter applies. Only classes annotated
     * {@link fr.parvis.shared.tenancy.CrossTenant} may call this (an ArchUnit rule checks it).
     */
    public static <T> T actAsRoot(String reason, Supplier<T> work) {
        return run(new SystemAuthentication(null, true, reason), work);
    }

    /**
     * Runs {@code work} under another authentication, typically the current agent acting in a
     * collectivité it has just created. Only {@link fr.parvis.shared.tenancy.CrossTenant} classes
     * may call this.
     */
    public static <T> T runAs(TenantAuthentication authentication, Supplier<T> work) {
        return run(authentication, work);
    }

    private static <T> T run(TenantAuthentication authentication, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "SystemActor must wrap a transaction, not run inside one: the tenant of the current session is already fixed");
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

package fr.parvis.shared.tenancy;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives Hibernate the tenant of each new session. Entities extending {@link TenantScoped} are then
 * filtered on {@code collectivite_id} in every query and load by id, and stamped with it on insert.
 */
final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return Tenancy.tenantIdentifier();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return Tenancy.ROOT.equals(tenantId);
    }
}

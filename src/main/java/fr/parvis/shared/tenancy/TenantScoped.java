package fr.parvis.shared.tenancy;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.persistence.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * Base of every entity that belongs to one collectivité. Hibernate fills {@code collectivite_id}
 * from the current tenant on insert, refuses to write a row of another tenant, and adds the
 * tenant to every query (including loads by id). Repositories of such entities therefore cannot
 * leak another collectivité's rows, and the ArchUnit rules forbid the ways around it (native SQL,
 * JDBC templates) outside classes marked {@link CrossTenant}.
 */
@MappedSuperclass
public abstract class TenantScoped extends AbstractEntity {

    @TenantId
    @Column(name = "collectivite_id", nullable = false, updatable = false)
    private UUID collectiviteId;

    protected TenantScoped() {
    }

    public CollectiviteId collectiviteId() {
        return collectiviteId == null ? null : new CollectiviteId(collectiviteId);
    }
}

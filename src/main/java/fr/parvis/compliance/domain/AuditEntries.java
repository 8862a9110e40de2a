package fr.parvis.compliance.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import java.util.Optional;

/**
 * The audit trail of the current collectivité. Deliberately not a {@code CrudRepository}: entries
 * can be appended and read, never updated or deleted.
 */
public interface AuditEntries extends Repository<AuditEntry, UUID>, JpaSpecificationExecutor<AuditEntry> {

    AuditEntry save(AuditEntry entry);

    Optional<AuditEntry> findById(UUID id);

    @Override
    Page<AuditEntry> findAll(Specification<AuditEntry> specification, Pageable pageable);
}

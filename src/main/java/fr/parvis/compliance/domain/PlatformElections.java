package fr.parvis.compliance.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The shipped elections (not tenant-scoped: only {@code @CrossTenant} classes may use this). */
public interface PlatformElections extends JpaRepository<PlatformElection, UUID> {

    List<PlatformElection> findAllByOrderByFirstRoundAsc();
}

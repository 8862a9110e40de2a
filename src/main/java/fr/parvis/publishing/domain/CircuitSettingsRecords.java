package fr.parvis.publishing.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The circuit settings of the current collectivité (at most one row). */
public interface CircuitSettingsRecords extends JpaRepository<CircuitSettings, UUID> {

    Optional<CircuitSettings> findFirstBy();
}

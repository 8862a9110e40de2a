package fr.parvis.compliance.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The current collectivité's changes to shipped elections. */
public interface ElectionOverrides extends JpaRepository<ElectionOverride, UUID> {

    List<ElectionOverride> findAllBy();

    Optional<ElectionOverride> findByElectionId(UUID electionId);
}

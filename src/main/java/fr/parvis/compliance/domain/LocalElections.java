package fr.parvis.compliance.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The current collectivité's own elections. */
public interface LocalElections extends JpaRepository<LocalElection, UUID> {

    List<LocalElection> findAllByOrderByFirstRoundAsc();

    long countBy();
}

package fr.parvis.territory.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Logos, filtered to the current collectivité. */
public interface CollectiviteLogos extends JpaRepository<CollectiviteLogo, UUID> {

    Optional<CollectiviteLogo> findByCollectiviteId(UUID collectiviteId);
}

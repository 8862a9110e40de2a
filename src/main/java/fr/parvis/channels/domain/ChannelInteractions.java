package fr.parvis.channels.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Interactions received on the current collectivité's accounts. */
public interface ChannelInteractions extends JpaRepository<ChannelInteraction, UUID> {

    Optional<ChannelInteraction> findByAccountIdAndExternalId(UUID accountId, String externalId);

    boolean existsByAccountIdAndExternalId(UUID accountId, String externalId);

    List<ChannelInteraction> findByAccountIdOrderByOccurredAtDesc(UUID accountId, Pageable page);

    long countByAccountId(UUID accountId);
}

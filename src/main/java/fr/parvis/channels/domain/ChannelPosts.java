package fr.parvis.channels.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Posts of the current collectivité's accounts. */
public interface ChannelPosts extends JpaRepository<ChannelPost, UUID> {

    Optional<ChannelPost> findByAccountIdAndExternalId(UUID accountId, String externalId);

    List<ChannelPost> findByAccountIdOrderByPublishedAtDesc(UUID accountId, Pageable page);

    long countByAccountId(UUID accountId);

    long countByPublishedAtBetween(java.time.Instant from, java.time.Instant to);

    Optional<ChannelPost> findFirstByAccountIdOrderByPublishedAtAsc(UUID accountId);
}

package fr.parvis.channels.sandbox.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SandboxPosts extends JpaRepository<SandboxPost, UUID> {

    Optional<SandboxPost> findByAccountIdAndExternalId(UUID accountId, String externalId);

    long countByAccountIdAndStatus(UUID accountId, SandboxPost.Status status);

    Optional<SandboxPost> findFirstByAccountIdAndIdempotencyKey(UUID accountId, String idempotencyKey);

    /** The posts of these accounts that carry one of these idempotency keys. */
    List<SandboxPost> findByAccountIdInAndIdempotencyKeyIn(java.util.Collection<UUID> accountIds,
            java.util.Collection<String> idempotencyKeys);

    List<SandboxPost> findByAccountIdAndStatusAndSeqGreaterThanOrderBySeqAsc(UUID accountId, SandboxPost.Status status,
            long seq, Pageable page);

    /** Posts that may still receive interactions: published or deleted after {@code since}. */
    List<SandboxPost> findByAccountIdAndPublishedAtGreaterThanAndPublishedAtLessThanEqualOrderBySeqAsc(UUID accountId,
            Instant since, Instant until);

    List<SandboxPost> findByAccountIdAndStatusAndScheduledAtLessThanEqual(UUID accountId, SandboxPost.Status status,
            Instant until);
}

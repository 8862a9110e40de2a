package fr.parvis.channels.sandbox.domain;

import fr.parvis.channels.spi.InteractionType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SandboxInteractions extends JpaRepository<SandboxInteraction, UUID> {

    Optional<SandboxInteraction> findByAccountIdAndExternalId(UUID accountId, String externalId);

    boolean existsByAccountIdAndExternalId(UUID accountId, String externalId);

    List<SandboxInteraction> findByAccountIdAndSeqGreaterThanAndDeletedAtIsNullOrderBySeqAsc(UUID accountId, long seq,
            Pageable page);

    long countByAccountIdAndPostExternalIdAndTypeInAndDeletedAtIsNull(UUID accountId, String postExternalId,
            List<InteractionType> types);

    /** Public interactions of the collectivité's Sandbox whose text contains {@code needle} (lower case). */
    @Query("""
            select i from SandboxInteraction i
            where i.type in (fr.parvis.channels.spi.InteractionType.COMMENT,
                             fr.parvis.channels.spi.InteractionType.REPLY,
                             fr.parvis.channels.spi.InteractionType.MENTION)
              and i.deletedAt is null and i.hiddenAt is null and i.seq > :after
              and lower(i.text) like :needle escape '\\'
            order by i.seq asc""")
    List<SandboxInteraction> searchPublic(String needle, long after, Pageable page);
}

package fr.parvis.publishing.domain;

import fr.parvis.publishing.VariantState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Variants extends JpaRepository<Variant, UUID> {

    List<Variant> findByPostIdOrderByNetworkAscCreatedAtAsc(UUID postId);

    List<Variant> findByStateAndDueAtBeforeOrderByDueAtAsc(VariantState state, Instant before,
            org.springframework.data.domain.Pageable page);

    /** Variants in this state due at or before {@code horizon}, earliest first. */
    long countByStateAndDueAtLessThanEqual(VariantState state, Instant horizon);

    List<Variant> findByStateAndDueAtLessThanEqualOrderByDueAtAsc(VariantState state, Instant horizon,
            org.springframework.data.domain.Pageable page);

    List<Variant> findByStateAndClaimedAtBefore(VariantState state, Instant before,
            org.springframework.data.domain.Pageable page);

    List<Variant> findByStateAndResolvedByIsNullAndUpdatedAtBefore(VariantState state, Instant before,
            org.springframework.data.domain.Pageable page);

    List<Variant> findByState(VariantState state);

    List<Variant> findByPostIdIn(Collection<UUID> postIds);

    long countByAccountIdAndStateAndPublishedAtBetween(UUID accountId, VariantState state, Instant from, Instant to);

    boolean existsByAccountIdAndStateAndPublishedAtBefore(UUID accountId, VariantState state, Instant before);

    List<Variant> findByStateAndPublishedAtBetween(VariantState state, Instant from, Instant to,
            org.springframework.data.domain.Pageable page);

    long countByStateAndPublishedAtBetween(VariantState state, Instant from, Instant to);

    /** Own texts and first comments that may hold a hashtag or a mention, the latest first, with their network. */
    @org.springframework.data.jpa.repository.Query("select v.text, v.firstComment, v.network, v.updatedAt "
            + "from Variant v where v.text like '%#%' or v.text like '%@%' or v.firstComment like '%#%' "
            + "or v.firstComment like '%@%' order by v.updatedAt desc")
    List<Object[]> textsWithTags(org.springframework.data.domain.Pageable page);
}

package fr.parvis.publishing.domain;

import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.VariantState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ThreadParts extends JpaRepository<ThreadPart, java.util.UUID> {

    /**
     * The parts of published variants whose thread waits: parts never sent although the post is
     * out since {@code pendingBefore}, claims older than {@code claimedBefore}, unknown outcomes not
     * read back since {@code unknownBefore} and not left for a person.
     */
    @Query("""
            select p from ThreadPart p join p.variant v
            where v.state = :published and (
                (p.state = :pending and v.publishedAt < :pendingBefore)
                or (p.state = :sending and p.claimedAt < :claimedBefore)
                or (p.state = :unknown and p.resolvedBy is null and p.updatedAt < :unknownBefore))
            order by p.updatedAt""")
    List<ThreadPart> waiting(@Param("published") VariantState published, @Param("pending") ThreadPartState pending,
            @Param("pendingBefore") Instant pendingBefore, @Param("sending") ThreadPartState sending,
            @Param("claimedBefore") Instant claimedBefore, @Param("unknown") ThreadPartState unknown,
            @Param("unknownBefore") Instant unknownBefore, Pageable page);
}

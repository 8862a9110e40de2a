package fr.parvis.publishing.domain;

import fr.parvis.publishing.PostStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Posts extends JpaRepository<Post, UUID> {

    /** The post, locked until the end of the transaction: edits and publication take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Post p where p.id = :id")
    Optional<Post> lock(UUID id);

    Page<Post> findByStatusInOrderByUpdatedAtDesc(Collection<PostStatus> statuses, Pageable page);

    Page<Post> findAllByOrderByUpdatedAtDesc(Pageable page);

    List<Post> findByStatusAndScheduledAtBefore(PostStatus status, Instant before);

    List<Post> findByStatusIn(Collection<PostStatus> statuses);

    @Query("select p from Post p where p.scheduledAt >= :from and p.scheduledAt < :to order by p.scheduledAt")
    List<Post> scheduledBetween(Instant from, Instant to);

    Optional<Post> findByOriginAndOriginRef(Post.Origin origin, String originRef);

    long countByStatus(PostStatus status);

    /** Messages that may hold a hashtag or a mention, the latest first: message and last change. */
    @Query("select p.body, p.updatedAt from Post p where p.body like '%#%' or p.body like '%@%' "
            + "order by p.updatedAt desc")
    List<Object[]> textsWithTags(Pageable page);
}

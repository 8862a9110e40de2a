package fr.parvis.channels.feeds.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Items of the current collectivité's sources. */
public interface FeedItems extends JpaRepository<FeedItem, UUID> {

    boolean existsBySourceIdAndDedupKey(UUID sourceId, String dedupKey);

    boolean existsBySourceIdAndLink(UUID sourceId, String link);

    @Query("select i from FeedItem i where i.sourceId = :sourceId"
            + " order by coalesce(i.publishedAt, i.fetchedAt) desc, i.fetchedAt desc, i.id")
    Page<FeedItem> findLatest(UUID sourceId, Pageable page);

    List<FeedItem> findBySourceId(UUID sourceId);

    long countBySourceId(UUID sourceId);

    @Modifying
    @Query("delete from FeedItem i where i.sourceId = :sourceId")
    int deleteBySource(UUID sourceId);
}

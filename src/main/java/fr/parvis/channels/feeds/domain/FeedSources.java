package fr.parvis.channels.feeds.domain;

import fr.parvis.channels.feeds.FeedStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** RSS/Atom sources of the current collectivité (of all collectivités in the root scope, for the job). */
public interface FeedSources extends JpaRepository<FeedSource, UUID> {

    List<FeedSource> findAllByOrderByCreatedAtAsc();

    Optional<FeedSource> findByUrl(String url);

    long countBy();

    /** Sources not paused whose next reading is due, the most overdue first. */
    @Query("select s from FeedSource s where s.status <> :paused and (s.nextFetchAt is null or s.nextFetchAt <= :now)"
            + " order by s.nextFetchAt nulls first")
    List<FeedSource> findDue(Instant now, FeedStatus paused, Pageable page);
}

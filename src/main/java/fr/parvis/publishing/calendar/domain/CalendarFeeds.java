package fr.parvis.publishing.calendar.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Calendar feeds of the current collectivité (of all in the root scope, for the anonymous feed request). */
public interface CalendarFeeds extends JpaRepository<CalendarFeed, UUID> {

    List<CalendarFeed> findByUserIdAndRevokedAtIsNull(UUID userId);

    /** In the root scope: the feed whose secret is presented. */
    Optional<CalendarFeed> findByTokenHash(String tokenHash);
}

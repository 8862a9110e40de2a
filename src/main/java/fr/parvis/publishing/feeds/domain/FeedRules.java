package fr.parvis.publishing.feeds.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedRules extends JpaRepository<FeedRule, UUID> {

    Optional<FeedRule> findBySourceId(UUID sourceId);

    List<FeedRule> findAll();
}

package fr.parvis.publishing.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Notifications extends JpaRepository<Notification, UUID> {

    List<Notification> findByUserIdOrderByNotifiedAtDesc(UUID userId, Pageable page);

    long countByUserIdAndReadAtIsNull(UUID userId);

    List<Notification> findByUserIdAndPostIdAndReadAtIsNull(UUID userId, UUID postId);

    List<Notification> findByUserIdAndReadAtIsNull(UUID userId);
}

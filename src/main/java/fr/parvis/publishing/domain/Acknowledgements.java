package fr.parvis.publishing.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Acknowledgements extends JpaRepository<Acknowledgement, UUID> {

    List<Acknowledgement> findByPostIdOrderByAcknowledgedAtAsc(UUID postId);
}

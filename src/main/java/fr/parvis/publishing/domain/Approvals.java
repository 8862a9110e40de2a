package fr.parvis.publishing.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Approvals extends JpaRepository<Approval, UUID> {

    List<Approval> findByPostIdOrderByDecidedAtAsc(UUID postId);
}

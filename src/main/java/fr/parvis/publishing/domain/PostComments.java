package fr.parvis.publishing.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PostComments extends JpaRepository<PostComment, UUID> {

    List<PostComment> findByPostIdOrderByWrittenAtAsc(UUID postId);
}

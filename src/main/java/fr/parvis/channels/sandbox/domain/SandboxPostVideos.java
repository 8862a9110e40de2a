package fr.parvis.channels.sandbox.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The videos of the Sandbox posts of the current collectivité. */
public interface SandboxPostVideos extends JpaRepository<SandboxPostVideo, UUID> {

    List<SandboxPostVideo> findByPostIdOrderByPositionAsc(UUID postId);

    Optional<SandboxPostVideo> findByPostIdAndPosition(UUID postId, int position);
}

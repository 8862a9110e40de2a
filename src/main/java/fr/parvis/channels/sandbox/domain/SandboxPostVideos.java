package fr.parvis.channels.sandbox.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The videos of the Sandbox posts of the current collectivité. */
public interface SandboxPostVideos extends JpaRepository<SandboxPostVideo, UUID> {

    /** What a page shows of a video, without its bytes. */
    interface Summary {

        UUID getPostId();

        int getPosition();

        String getMediaType();

        long getSizeBytes();

        String getAltText();

        String getSubtitlesLanguage();

        boolean isBurnedIn();
    }

    List<Summary> findByPostIdInOrderByPositionAsc(List<UUID> postIds);

    Optional<SandboxPostVideo> findByPostIdAndPosition(UUID postId, int position);
}

package fr.parvis.publishing.media.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The bytes of the media of the current collectivité. */
public interface MediaContents extends JpaRepository<MediaBytes, UUID> {

    Optional<MediaBytes> findByMediaId(UUID mediaId);
}

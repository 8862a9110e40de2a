package fr.parvis.publishing.media.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The bytes of the media of the current collectivité. */
public interface MediaContents extends JpaRepository<MediaBytes, UUID> {

    Optional<MediaBytes> findByMediaId(UUID mediaId);

    /** The original bytes only (a video: without loading the rest of the row). */
    @Query("select b.content from MediaBytes b where b.mediaId = :mediaId")
    Optional<byte[]> contentOf(UUID mediaId);

    /** The subtitles file only, without the video's bytes. */
    @Query("select b.subtitles from MediaBytes b where b.mediaId = :mediaId")
    Optional<byte[]> subtitlesOf(UUID mediaId);
}

package fr.parvis.publishing.media.domain;

import fr.parvis.publishing.media.MediaKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The media of the current collectivité. */
public interface Medias extends JpaRepository<Media, UUID> {

    Optional<Media> findBySha256(String sha256);

    /** Newest first; {@code kind} null for both kinds. */
    @Query("select m from Media m where (:kind is null or m.kind = :kind)"
            + " and ((:archived = true and m.archivedAt is not null) or (:archived = false and m.archivedAt is null))"
            + " and (:altMissing = false or (m.kind = fr.parvis.publishing.media.MediaKind.IMAGE and m.altText is null))"
            + " order by m.createdAt desc, m.id")
    Page<Media> search(MediaKind kind, boolean archived, boolean altMissing, Pageable page);
}

package fr.parvis.publishing.media.domain;

import fr.parvis.channels.spi.Network;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The renditions made for the networks, per medium. */
public interface MediaRenditions extends JpaRepository<MediaRendition, UUID> {

    Optional<MediaRendition> findByMediaIdAndNetwork(UUID mediaId, Network network);
}

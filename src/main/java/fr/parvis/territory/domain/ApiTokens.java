package fr.parvis.territory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** API tokens of the current collectivité (of all in the root scope, for authentication). */
public interface ApiTokens extends JpaRepository<ApiToken, UUID> {

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    List<ApiToken> findByUserIdAndRevokedAtIsNull(UUID userId);

    /** In the root scope: the token presented on a request. */
    Optional<ApiToken> findByTokenHash(String tokenHash);
}

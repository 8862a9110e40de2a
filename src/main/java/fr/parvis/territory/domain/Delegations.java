package fr.parvis.territory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Delegations given by the current commune (received ones are read in the root scope). */
public interface Delegations extends JpaRepository<Delegation, UUID> {

    List<Delegation> findAllByOrderByCreatedAtDesc();

    Optional<Delegation> findFirstByDelegateIdAndRevokedAtIsNull(UUID delegateId);

    /** In the root scope: active delegations received by an EPCI. */
    List<Delegation> findByDelegateIdAndRevokedAtIsNull(UUID delegateId);

    /** In the root scope: the active delegation of a commune to an EPCI. */
    Optional<Delegation> findFirstByCollectiviteIdAndDelegateIdAndRevokedAtIsNull(UUID collectiviteId, UUID delegateId);
}

package fr.parvis.territory.domain;

import fr.parvis.territory.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Memberships of the current collectivité (of all collectivités in the root scope). */
public interface Memberships extends JpaRepository<Membership, UUID> {

    @Query("select m from Membership m join fetch m.user u order by lower(u.displayName), u.emailKey")
    List<Membership> findAllWithUsers();

    @Query("select m from Membership m join fetch m.user where m.id = :id")
    Optional<Membership> findWithUser(UUID id);

    Optional<Membership> findByUserId(UUID userId);

    /** In the root scope: the membership of a user in a given collectivité. */
    Optional<Membership> findByUserIdAndCollectiviteId(UUID userId, UUID collectiviteId);

    /** In the root scope: every membership of a user. */
    List<Membership> findAllByUserId(UUID userId);

    long countByRole(Role role);
}

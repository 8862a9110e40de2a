package fr.parvis.territory.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** User accounts. Not tenant-filtered: used by authentication and through memberships. */
public interface UserAccounts extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmailKey(String emailKey);

    Optional<UserAccount> findByOidcIssuerAndOidcSubject(String issuer, String subject);
}

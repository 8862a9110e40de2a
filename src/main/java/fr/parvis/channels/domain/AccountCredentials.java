package fr.parvis.channels.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Encrypted credentials of the current collectivité's accounts (all, in the root scope, for jobs). */
public interface AccountCredentials extends JpaRepository<AccountCredential, UUID> {

    Optional<AccountCredential> findByAccountId(UUID accountId);

    /** In the root scope: credentials expiring before {@code before}. */
    List<AccountCredential> findByExpiresAtBefore(Instant before);

    /** In the root scope: credentials sealed with another key than the current one. */
    List<AccountCredential> findByKeyIdNot(String keyId);
}

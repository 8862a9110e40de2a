package fr.parvis.channels.sandbox.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SandboxAccounts extends JpaRepository<SandboxAccount, UUID> {

    Optional<SandboxAccount> findByHandle(String handle);

    /** The account, locked until the end of the transaction (numbering of posts and interactions). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from SandboxAccount a where a.id = :id")
    Optional<SandboxAccount> lockById(UUID id);

    /**
     * The accounts, locked until the end of the transaction, in the order of their ids (two
     * transactions locking several accounts never wait for each other in a cycle).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from SandboxAccount a where a.id in :ids order by a.id")
    List<SandboxAccount> lockAllById(java.util.Collection<UUID> ids);

    List<SandboxAccount> findBySimulatedUntilBefore(java.time.Instant before);
}

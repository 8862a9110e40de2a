package fr.parvis.channels.sandbox.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SandboxBlocks extends JpaRepository<SandboxBlock, UUID> {

    boolean existsByAccountIdAndAuthorHandle(UUID accountId, String authorHandle);

    List<SandboxBlock> findByAccountId(UUID accountId);
}

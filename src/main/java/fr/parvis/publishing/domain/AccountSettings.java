package fr.parvis.publishing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountSettings extends JpaRepository<AccountSetting, UUID> {

    Optional<AccountSetting> findByAccountId(UUID accountId);

    List<AccountSetting> findByAccountIdIn(Collection<UUID> accountIds);
}

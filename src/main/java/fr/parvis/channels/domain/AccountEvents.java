package fr.parvis.channels.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The activity log of accounts: appended, never changed. */
public interface AccountEvents extends Repository<AccountEvent, UUID> {

    AccountEvent save(AccountEvent event);

    List<AccountEvent> findByAccountIdOrderByOccurredAtDesc(UUID accountId, Pageable page);
}

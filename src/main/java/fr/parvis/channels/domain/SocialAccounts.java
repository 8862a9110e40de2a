package fr.parvis.channels.domain;

import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.spi.Network;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Social accounts of the current collectivité (of all collectivités in the root scope, for jobs). */
public interface SocialAccounts extends JpaRepository<SocialAccount, UUID> {

    List<SocialAccount> findAllByOrderByNetworkAscHandleAsc();

    Optional<SocialAccount> findByNetworkAndExternalId(Network network, String externalId);

    List<SocialAccount> findByStatus(AccountStatus status);

    /** In the root scope: connected accounts not synchronised since {@code before}. */
    @Query("select a from SocialAccount a where a.status = fr.parvis.channels.AccountStatus.CONNECTED"
            + " and (a.lastSyncAt is null or a.lastSyncAt < :before) order by a.lastSyncAt nulls first")
    List<SocialAccount> findDueForSync(Instant before);
}

package fr.parvis.territory.access;

import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.AccountLocked;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed password logins and locks the account after too many in a row. */
@Component
@CrossTenant("Counts failed logins on the account, before any collectivité is chosen")
class LoginAttempts {

    private final UserAccounts accounts;
    private final LoginProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginAttempts(UserAccounts accounts, LoginProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Records a failure in its own transaction; returns the lock end if this failure locked the account. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Instant recordFailure(UUID accountId, String ipAddress) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        Instant now = clock.instant();
        if (account.recordFailedLogin(now, properties.maxFailedAttempts(), properties.lockDuration())) {
            events.publishEvent(new AccountLocked(account.userId(), account.email(), account.lockedUntil(), ipAddress));
            return account.lockedUntil();
        }
        return null;
    }
}

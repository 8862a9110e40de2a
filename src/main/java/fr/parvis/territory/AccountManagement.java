package fr.parvis.territory;

import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The current user's own account: profile, password, login bookkeeping. */
@Service
@Validated
@Transactional(readOnly = true)
@CrossTenant("An account is shared by all the collectivités of its holder; only the holder's own account is reached")
public class AccountManagement {

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountManagement(UserAccounts accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public AccountView me() {
        return view(own());
    }

    @Transactional
    public AccountView updateProfile(@Valid ProfileChanges changes) {
        UserAccount account = own();
        account.updateProfile(Texts.clean(changes.displayName()), changes.locale());
        return view(account);
    }

    @Transactional
    public void changePassword(@Valid PasswordChange change) {
        UserAccount account = own();
        if (account.passwordHash() == null || !passwordEncoder.matches(change.currentPassword(), account.passwordHash())) {
            throw new InvalidInputException("password.currentWrong", "currentPassword");
        }
        if (!change.newPassword().equals(change.confirmation())) {
            throw new InvalidInputException("password.mismatch", "confirmation");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw new InvalidInputException("password.unchanged", "newPassword");
        }
        PasswordPolicy.check(change.newPassword(), account.email(), account.displayName(), "newPassword");
        account.setPassword(passwordEncoder.encode(change.newPassword()), clock.instant(), false);
        events.publishEvent(new PasswordChanged(account.userId(), account.email()));
    }

    /**
     * Records a successful login of the current agent (resets failed attempts, remembers the
     * collectivité) and publishes {@link AgentLoggedIn} in that collectivité.
     */
    @Transactional
    public void recordLogin(String method) {
        ParvisAuthentication agent = Actors.requireAgent();
        UserAccount account = own();
        account.recordSuccessfulLogin(clock.instant());
        account.rememberCollectivite(agent.currentCollectivite().value());
        events.publishEvent(new AgentLoggedIn(account.userId(), account.email(), Tenancy.require(), method));
    }

    /** Remembers the collectivité the agent switched to, for the next login. */
    @Transactional
    public void rememberCurrentCollectivite() {
        own().rememberCollectivite(Tenancy.require().value());
    }

    private UserAccount own() {
        ParvisAuthentication agent = Actors.requireAgent();
        return accounts.findById(agent.userId().value()).orElseThrow();
    }

    private static AccountView view(UserAccount account) {
        return new AccountView(account.userId(), account.email(), account.displayName(), account.locale(),
                account.passwordHash() != null, account.mustChangePassword(), account.passwordChangedAt(),
                account.lastLoginAt(), account.oidcSubject() != null);
    }
}

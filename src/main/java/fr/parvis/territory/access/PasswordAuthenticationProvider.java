package fr.parvis.territory.access;

import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login: checks the password (Argon2), the lock after repeated failures, and that the
 * account may enter at least one collectivité. Unknown e-mails cost the same hashing time as
 * known ones, so response times do not reveal which addresses have accounts.
 */
@Component
@CrossTenant("Authenticates by e-mail before any collectivité is chosen")
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts attempts;
    private final AccessManagement access;
    private final Clock clock;
    private final String dummyHash;

    PasswordAuthenticationProvider(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginAttempts attempts,
            AccessManagement access, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.access = access;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("parvis-timing-equalizer");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (email.length() > 254 || password.length() > 256) {
            throw new BadCredentialsException("Oversized credentials");
        }
        Optional<UserAccount> found = accounts.findByEmailKey(UserAccount.keyOf(email));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwordEncoder.matches(password, dummyHash);
            throw new BadCredentialsException("Bad credentials");
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw new AccountLockedException(account.lockedUntil());
        }
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            Instant lockedUntil = attempts.recordFailure(account.id(), ip);
            if (lockedUntil != null) {
                throw new AccountLockedException(lockedUntil);
            }
            throw new BadCredentialsException("Bad credentials");
        }
        if (!account.enabled()) {
            throw new DisabledException("Account disabled");
        }
        Access landing = access.landing(account.userId()).orElseThrow(NoCollectiviteException::new);
        return ParvisAuthentication.forSession(
                new AgentPrincipal(account.userId(), account.email(), account.displayName()), landing, AuthChannel.PASSWORD);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The account is locked until the given instant. */
    public static final class AccountLockedException extends LockedException {

        private final transient Instant until;

        AccountLockedException(Instant until) {
            super("Account locked until " + until);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    /** The account belongs to no collectivité any more. */
    public static final class NoCollectiviteException extends DisabledException {

        NoCollectiviteException() {
            super("Account belongs to no collectivité");
        }
    }
}

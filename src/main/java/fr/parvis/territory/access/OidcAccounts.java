package fr.parvis.territory.access;

import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import java.util.Optional;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps an OpenID Connect login to a Parvis account. Accounts are never created by OIDC: an
 * administrator adds the agent first. The first login links the account by verified e-mail; later
 * logins use the stable (issuer, subject) pair.
 */
@Component
@CrossTenant("Finds the account of an OIDC identity before any collectivité is chosen")
public class OidcAccounts {

    private final UserAccounts accounts;
    private final AccessManagement access;
    private final TransactionTemplate transaction;

    OidcAccounts(UserAccounts accounts, AccessManagement access, PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.access = access;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @throws UnknownOidcAccountException when no account matches
     * @throws DisabledException when the account is disabled or belongs to no collectivité
     */
    public ParvisAuthentication authenticate(String issuer, String subject, String email, boolean emailVerified) {
        UserAccount account = transaction.execute(status -> {
            Optional<UserAccount> linked = accounts.findByOidcIssuerAndOidcSubject(issuer, subject);
            if (linked.isPresent()) {
                return linked.get();
            }
            if (email == null || !emailVerified) {
                return null;
            }
            Optional<UserAccount> byEmail = accounts.findByEmailKey(UserAccount.keyOf(email))
                    .filter(candidate -> candidate.oidcSubject() == null);
            byEmail.ifPresent(candidate -> candidate.linkOidc(issuer, subject));
            return byEmail.orElse(null);
        });
        if (account == null) {
            throw new UnknownOidcAccountException();
        }
        if (!account.enabled()) {
            throw new DisabledException("Account disabled");
        }
        Access landing = access.landing(account.userId())
                .orElseThrow(() -> new DisabledException("Account belongs to no collectivité"));
        return ParvisAuthentication.forSession(new AgentPrincipal(account.userId(), account.email(),
                account.displayName()), landing, AuthChannel.OIDC);
    }

    /** No Parvis account matches the OIDC identity. */
    public static final class UnknownOidcAccountException extends DisabledException {

        UnknownOidcAccountException() {
            super("No Parvis account for this identity");
        }
    }
}

package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.domain.ApiToken;
import fr.parvis.territory.domain.ApiTokens;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authenticates {@code Authorization: Bearer} requests. The token is looked up by the SHA-256 of
 * its secret; it must be neither revoked nor expired, its owner must still hold a role covering
 * the token's role in the token's collectivité. Each failure says why, in a way the caller (who
 * holds the secret) can act on.
 */
@Component
@CrossTenant("Finds the token's collectivité from the presented secret, before any tenant is known")
public class ApiTokenAuthenticator {

    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final AccessManagement access;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ApiTokenAuthenticator(ApiTokens tokens, UserAccounts accounts, AccessManagement access, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @throws InvalidTokenException with a reason code: {@code unknown}, {@code revoked},
     *     {@code expired}, {@code owner} (account disabled or no longer a member), {@code role}
     *     (the owner's role no longer covers the token's)
     */
    public ParvisAuthentication authenticate(String secret, String ipAddress) {
        if (!ApiTokenSecrets.looksLikeSecret(secret)) {
            throw new InvalidTokenException("unknown", null);
        }
        String hash = ApiTokenSecrets.hash(secret);
        Instant now = clock.instant();
        ApiToken token = SystemActor.actAsRoot("API token authentication", () -> transaction.execute(status -> {
            Optional<ApiToken> found = tokens.findByTokenHash(hash);
            found.ifPresent(t -> {
                if (!t.revoked() && !t.expiredAt(now)) {
                    t.recordUse(now, ipAddress);
                }
            });
            return found.orElse(null);
        }));
        if (token == null) {
            throw new InvalidTokenException("unknown", null);
        }
        if (token.revoked()) {
            throw new InvalidTokenException("revoked", token.revokedAt());
        }
        if (token.expiredAt(now)) {
            throw new InvalidTokenException("expired", token.expiresAt());
        }
        Optional<UserAccount> owner = accounts.findById(token.userId()).filter(UserAccount::enabled);
        CollectiviteId collectiviteId = token.collectiviteId();
        Access ownerAccess = owner.flatMap(o -> access.resolve(o.userId(), collectiviteId))
                .orElseThrow(() -> new InvalidTokenException("owner", null));
        if (!ownerAccess.role().covers(token.role())) {
            throw new InvalidTokenException("role", null);
        }
        Access tokenAccess = new Access(ownerAccess.collectiviteId(), ownerAccess.collectiviteName(), token.role(),
                ownerAccess.via(), ownerAccess.viaCollectiviteName());
        return new ParvisAuthentication(new AgentPrincipal(owner.get().userId(), owner.get().email(),
                owner.get().displayName()), tokenAccess, AuthChannel.API_TOKEN, token.id(), token.name());
    }

    /** Why a bearer token was refused; {@code at} is the expiry or revocation instant when known. */
    public static final class InvalidTokenException extends BadCredentialsException {

        private final String reason;
        private final transient Instant at;

        InvalidTokenException(String reason, Instant at) {
            super("Invalid API token: " + reason);
            this.reason = reason;
            this.at = at;
        }

        public String reason() {
            return reason;
        }

        public Instant at() {
            return at;
        }
    }
}

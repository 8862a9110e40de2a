package fr.parvis.channels.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.ChannelSync;
import fr.parvis.channels.ChannelsProperties;
import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.calls.Connectors;
import fr.parvis.channels.domain.AccountCredential;
import fr.parvis.channels.domain.AccountCredentials;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.CredentialRefresh;
import fr.parvis.channels.vault.CredentialVault;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recurring work of the channels module, as db-scheduler tasks (each runs once per cluster):
 * reading connected accounts, renewing credentials before they expire, re-encrypting credentials
 * after a vault key rotation. Each task lists what is due in the root scope, then works on each
 * account inside its own collectivité.
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Finds, across collectivités, the accounts due for reading or token renewal")
public class ChannelJobs {

    private static final Logger log = LoggerFactory.getLogger(ChannelJobs.class);

    /** Renew credentials that expire within this delay (or the connector's own, if longer). */
    static final Duration REFRESH_HORIZON = Duration.ofMinutes(30);

    private final SocialAccounts accounts;
    private final AccountCredentials credentials;
    private final ChannelSync sync;
    private final AccountCalls calls;
    private final Connectors connectors;
    private final CredentialVault vault;
    private final ChannelsProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ChannelJobs(SocialAccounts accounts, AccountCredentials credentials, ChannelSync sync, AccountCalls calls,
            Connectors connectors, CredentialVault vault, ChannelsProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.sync = sync;
        this.calls = calls;
        this.connectors = connectors;
        this.vault = vault;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Bean
    RecurringTask<Void> channelsSyncTask() {
        return Tasks.recurring("channels-sync", FixedDelay.ofMinutes(1)).execute((instance, context) -> syncDue());
    }

    @Bean
    RecurringTask<Void> channelsCredentialRefreshTask() {
        return Tasks.recurring("channels-credential-refresh", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> refreshDue());
    }

    @Bean
    RecurringTask<Void> channelsVaultRotationTask() {
        return Tasks.recurring("channels-vault-rotation", FixedDelay.ofHours(6))
                .execute((instance, context) -> rotateKeys());
    }

    /** Reads every connected account not read for {@code parvis.channels.sync-interval}. */
    public int syncDue() {
        List<Due> due = SystemActor.actAsRoot("channels sync", () -> transaction.execute(status ->
                accounts.findDueForSync(clock.instant().minus(properties.syncInterval())).stream()
                        .map(a -> new Due(a.collectiviteId(), a.id())).toList()));
        int done = 0;
        for (Due account : due) {
            try {
                SystemActor.actFor(account.collectivite(), "channels sync", () -> sync.sync(account.accountId()));
                done++;
            } catch (RuntimeException e) {
                log.warn("Reading account {} failed: {}", account.accountId(), e.toString());
            }
        }
        return done;
    }

    /** Renews the credentials that expire soon, for refreshable networks. */
    public int refreshDue() {
        List<Due> due = SystemActor.actAsRoot("credential refresh", () -> transaction.execute(status ->
                credentials.findByExpiresAtBefore(clock.instant().plus(REFRESH_HORIZON)).stream()
                        .map(c -> new Due(c.collectiviteId(), c.accountId())).toList()));
        int renewed = 0;
        for (Due account : due) {
            try {
                Boolean done = SystemActor.actFor(account.collectivite(), "credential refresh",
                        () -> refresh(account.accountId()));
                renewed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (ConnectorException e) {
                log.info("Renewing the credentials of account {} failed: {}", account.accountId(), e.kind());
            }
        }
        return renewed;
    }

    /** Re-encrypts with the current key the credentials sealed with an older one. */
    public int rotateKeys() {
        List<AccountCredential> old = SystemActor.actAsRoot("vault rotation", () -> transaction.execute(status ->
                credentials.findByKeyIdNot(vault.currentKeyId())));
        int rotated = 0;
        for (AccountCredential credential : old) {
            Boolean done = SystemActor.actFor(credential.collectiviteId(), "vault rotation",
                    () -> transaction.execute(status -> credentials.findByAccountId(credential.accountId())
                            .map(vault::rotate).orElse(false)));
            rotated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (rotated > 0) {
            log.info("Credential vault: {} credential(s) re-encrypted with key {}", rotated, vault.currentKeyId());
        }
        return rotated;
    }

    private boolean refresh(UUID accountId) {
        Optional<SocialAccount> account = transaction.execute(status -> accounts.findById(accountId));
        if (account.isEmpty() || account.get().status() != AccountStatus.CONNECTED) {
            return false;
        }
        Optional<CredentialRefresh> refresh = connectors.find(account.get().network()).flatMap(c -> c.refresh());
        Optional<fr.parvis.channels.spi.Credentials> secrets = transaction.execute(status -> vault.load(accountId));
        if (refresh.isEmpty() || secrets.isEmpty()) {
            return false;
        }
        SocialAccount a = account.get();
        calls.refresh(accountId, refresh.get(), new AccountContext(a.id(), a.externalId(), a.handle(),
                a.baseUrl() == null ? null : URI.create(a.baseUrl()), secrets.get()), "scheduled-refresh");
        return true;
    }

    record Due(CollectiviteId collectivite, UUID accountId) {
    }
}

package fr.parvis.channels.sandbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.channels.sandbox.domain.SandboxAccounts;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated audience of the Sandbox acts through a db-scheduler task (once per cluster, every
 * {@code parvis.sandbox.simulation-interval}): for each Sandbox account, in its collectivité, it
 * stores what the audience did since the last run (see {@link SandboxNetwork#simulate}). Parvis
 * then reads it like any network, through the channels sync task.
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Lists, across collectivités, the Sandbox accounts whose audience must act")
public class SandboxJobs {

    private static final Logger log = LoggerFactory.getLogger(SandboxJobs.class);

    private final SandboxAccounts accounts;
    private final SandboxNetwork network;
    private final SandboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SandboxJobs(SandboxAccounts accounts, SandboxNetwork network, SandboxProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.network = network;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Bean
    static SandboxSimulation sandboxSimulation() {
        return new SandboxSimulation(SandboxCorpus.load());
    }

    @Bean
    RecurringTask<Void> sandboxSimulationTask() {
        return Tasks.recurring("sandbox-simulation", FixedDelay.of(properties.simulationInterval()))
                .execute((instance, context) -> {
                    if (properties.simulation()) {
                        simulateDue();
                    }
                });
    }

    /** Lets the audience of every Sandbox account act until now; returns the number of new interactions. */
    public int simulateDue() {
        List<Due> due = SystemActor.actAsRoot("sandbox simulation", () -> transaction.execute(status ->
                accounts.findBySimulatedUntilBefore(clock.instant()).stream()
                        .map(a -> new Due(a.collectiviteId(), a.id())).toList()));
        int created = 0;
        for (Due account : due) {
            try {
                created += SystemActor.actFor(account.collectivite(), "sandbox simulation",
                        () -> network.simulate(account.accountId()));
            } catch (RuntimeException e) {
                log.warn("Simulating the audience of Sandbox account {} failed: {}", account.accountId(),
                        e.toString());
            }
        }
        return created;
    }

    record Due(CollectiviteId collectivite, UUID accountId) {
    }
}

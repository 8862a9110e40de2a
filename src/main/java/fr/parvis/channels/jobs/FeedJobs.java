package fr.parvis.channels.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.parvis.channels.feeds.FeedFetchReport;
import fr.parvis.channels.feeds.FeedReading;
import fr.parvis.channels.feeds.FeedStatus;
import fr.parvis.channels.feeds.FeedsProperties;
import fr.parvis.channels.feeds.domain.FeedSources;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the RSS/Atom sources, as a db-scheduler task (once per cluster, every minute): lists in the
 * root scope the sources due (not paused, next reading passed; failing sources are due later and
 * later), then reads each inside its own collectivité, each in its own transactions, so that a bad
 * feed affects nothing else.
 */
@Configuration(proxyBeanMethods = false)
@CrossTenant("Finds, across collectivités, the RSS/Atom sources due for reading")
public class FeedJobs {

    private static final Logger log = LoggerFactory.getLogger(FeedJobs.class);

    private final FeedSources sources;
    private final FeedReading reading;
    private final FeedsProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FeedJobs(FeedSources sources, FeedReading reading, FeedsProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.sources = sources;
        this.reading = reading;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Bean
    RecurringTask<Void> channelsFeedsPollTask() {
        return Tasks.recurring("channels-feeds-poll", FixedDelay.ofMinutes(1)).execute((instance, context) -> pollDue());
    }

    /** Reads the sources due now (at most {@code parvis.feeds.batch-size}); returns how many succeeded. */
    public int pollDue() {
        List<Due> due = SystemActor.actAsRoot("feeds poll", () -> transaction.execute(status ->
                sources.findDue(clock.instant(), FeedStatus.PAUSED, PageRequest.of(0, Math.max(1, properties.batchSize())))
                        .stream().map(s -> new Due(s.collectiviteId(), s.id())).toList()));
        int succeeded = 0;
        for (Due source : due) {
            try {
                FeedFetchReport report = SystemActor.actFor(source.collectivite(), "feeds poll",
                        () -> reading.fetch(source.sourceId()));
                succeeded += report.failed() ? 0 : 1;
            } catch (RuntimeException e) {
                log.warn("Reading feed source {} failed: {}", source.sourceId(), e.toString());
            }
        }
        return succeeded;
    }

    record Due(CollectiviteId collectivite, UUID sourceId) {
    }
}

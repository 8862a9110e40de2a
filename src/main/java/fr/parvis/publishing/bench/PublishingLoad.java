package fr.parvis.publishing.bench;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publication load generator of the benchmarks and of the exactly-once test (never active
 * unless asked): at start, creates {@code parvis.bench.publishing-load.posts} posts pre-approved by
 * the platform on the Sandbox accounts of a collectivité (the demo by default), all due at the same
 * instant, {@code parvis.bench.publishing-load.due-in} from now, spread over
 * {@code parvis.bench.publishing-load.accounts} Sandbox accounts if set (more are connected for the
 * load). Refuses every other network.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "parvis.bench.publishing-load.posts")
@CrossTenant("Finds the collectivité of the load by its slug, before acting in it")
class PublishingLoad implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PublishingLoad.class);

    private final PublishingManagement publishing;
    private final SocialAccountManagement accounts;
    private final CollectiviteManagement collectivites;
    private final Environment environment;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PublishingLoad(PublishingManagement publishing, SocialAccountManagement accounts,
            CollectiviteManagement collectivites, Environment environment,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.publishing = publishing;
        this.accounts = accounts;
        this.collectivites = collectivites;
        this.environment = environment;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        int posts = environment.getProperty("parvis.bench.publishing-load.posts", Integer.class, 0);
        if (posts <= 0) {
            return;
        }
        if (posts > 100_000) {
            throw new IllegalArgumentException("parvis.bench.publishing-load.posts: at most 100000");
        }
        String slug = environment.getProperty("parvis.bench.publishing-load.collectivite", "ville-de-demo");
        Duration dueIn = environment.getProperty("parvis.bench.publishing-load.due-in", Duration.class,
                Duration.ofSeconds(60));
        CollectiviteView collectivite = SystemActor.actAsRoot("publishing load lookup",
                () -> transaction.execute(status -> collectivites.findBySlugForPlatform(slug)))
                .orElseThrow(() -> new IllegalStateException("No collectivité " + slug));
        Instant due = clock.instant().plus(dueIn);
        int wanted = environment.getProperty("parvis.bench.publishing-load.accounts", Integer.class, 0);
        if (wanted < 0 || wanted > 1000) {
            throw new IllegalArgumentException("parvis.bench.publishing-load.accounts: 0 to 1000");
        }
        SystemActor.actFor(collectivite.id(), "publishing load benchmark", () -> {
            String run = Long.toString(due.toEpochMilli(), 36);
            List<PublishingTarget> existing = sandboxTargets();
            // more accounts spread the load: a network serialises the posts of one account
            for (int n = existing.size(); n < wanted; n++) {
                accounts.connectOneClick(Network.SANDBOX, "charge-" + run + "-" + (n + 1), "Charge " + (n + 1), "Charge");
            }
            List<PublishingTarget> sandbox = sandboxTargets();
            if (sandbox.isEmpty()) {
                throw new IllegalStateException("No connected Sandbox account in " + slug);
            }
            for (int start = 0; start < posts; start += 200) {
                int from = start;
                transaction.executeWithoutResult(status -> {
                    for (int i = from; i < Math.min(from + 200, posts); i++) {
                        PublishingTarget target = sandbox.get(i % sandbox.size());
                        publishing.createPreApproved(new PostCommand(null,
                                "Charge " + run + " n° " + (i + 1) + " : agenda de la semaine à la médiathèque.", null,
                                null, false, null, List.of(new PostCommand.VariantCommand(target.accountId(), null, null,
                                        List.of()))), due, "benchmark de charge " + run);
                    }
                });
            }
            log.info("bench: {} posts due at {} on {} Sandbox account(s) of {}", posts, due, sandbox.size(), slug);
        });
    }

    private List<PublishingTarget> sandboxTargets() {
        return publishing.targets().stream().filter(t -> t.network() == Network.SANDBOX && t.connected()).toList();
    }
}

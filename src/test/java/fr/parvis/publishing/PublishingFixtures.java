package fr.parvis.publishing;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.domain.ChannelPost;
import fr.parvis.channels.domain.ChannelPosts;
import fr.parvis.channels.spi.Network;
import fr.parvis.territory.Role;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A collectivité with a Sandbox account, a community manager, a director and an élu, for publishing tests. */
@Component
public class PublishingFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** When the fixture accounts' oldest post was published: before every reserve period the tests use. */
    public static final Instant LONG_AGO = Instant.parse("2025-01-15T09:00:00Z");

    private final TestTenants tenants;
    private final SocialAccountManagement accounts;
    private final ChannelPosts channelPosts;
    private final TransactionTemplate transactions;

    PublishingFixtures(TestTenants tenants, SocialAccountManagement accounts, ChannelPosts channelPosts,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.channelPosts = channelPosts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The people and accounts of one test collectivité. */
    public record Team(Tenant tenant, Agent admin, Agent manager, Agent director, Agent elu, UUID sandbox) {
    }

    public SocialAccountManagement accounts() {
        return accounts;
    }

    public Team team() {
        Tenant tenant = tenants.commune();
        Agent manager = tenants.member(tenant, Role.COMMUNITY_MANAGER);
        Agent director = tenants.member(tenant, Role.COMMUNICATION_DIRECTOR);
        Agent elu = tenants.member(tenant, Role.ELECTED_OFFICIAL);
        UUID sandbox = sandboxAccount(tenant.admin());
        return new Team(tenant, tenant.admin(), manager, director, elu, sandbox);
    }

    /**
     * A Sandbox account with one post published long ago (an established channel, as most are: the
     * pre-election rule warns about accounts without any post before the reserve).
     */
    public UUID sandboxAccount(Agent admin) {
        UUID account = newSandboxAccount(admin);
        postedOnNetwork(admin, account, LONG_AGO);
        return account;
    }

    /** A Sandbox account without any history (a channel opened today). */
    public UUID newSandboxAccount(Agent admin) {
        SocialAccountView account = tenants.as(admin, () -> accounts.connectOneClick(Network.SANDBOX,
                "pub" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6), null, "Habitants"));
        return account.id();
    }

    /** A post of the account read from its network, published at {@code at}. */
    public void postedOnNetwork(Agent admin, UUID account, Instant at) {
        tenants.as(admin, () -> transactions.executeWithoutResult(status -> channelPosts.save(new ChannelPost(account,
                "old-" + UUID.randomUUID(), null, "Publication ancienne", at, ChannelPost.Origin.NETWORK))));
    }

    public static PostCommand post(String body, Instant at, UUID... accounts) {
        return new PostCommand(null, body, null, null, false, at,
                java.util.Arrays.stream(accounts).map(a -> new PostCommand.VariantCommand(a, null, null, List.of()))
                        .toList());
    }
}

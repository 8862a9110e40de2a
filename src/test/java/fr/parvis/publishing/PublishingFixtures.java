package fr.parvis.publishing;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
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

/** A collectivité with a Sandbox account, a community manager, a director and an élu, for publishing tests. */
@Component
public class PublishingFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestTenants tenants;
    private final SocialAccountManagement accounts;

    PublishingFixtures(TestTenants tenants, SocialAccountManagement accounts) {
        this.tenants = tenants;
        this.accounts = accounts;
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

    public UUID sandboxAccount(Agent admin) {
        SocialAccountView account = tenants.as(admin, () -> accounts.connectOneClick(Network.SANDBOX,
                "pub" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6), null, "Habitants"));
        return account.id();
    }

    public static PostCommand post(String body, Instant at, UUID... accounts) {
        return new PostCommand(null, body, null, null, false, at,
                java.util.Arrays.stream(accounts).map(a -> new PostCommand.VariantCommand(a, null, null, List.of()))
                        .toList());
    }
}

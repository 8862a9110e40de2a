package fr.parvis.test;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.UserId;
import fr.parvis.territory.AddedMember;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.NewCollectivite;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.AgentPrincipal;
import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates collectivités and members for tests, with unique names, codes and e-mails, through the
 * same management services the application uses.
 */
@Component
public class TestTenants {

    public static final String PASSWORD = "Fixture-password-2026";

    private final CollectiviteManagement collectivites;
    private final MemberManagement members;
    private final AccessManagement access;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TestTenants(CollectiviteManagement collectivites, MemberManagement members, AccessManagement access,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.collectivites = collectivites;
        this.members = members;
        this.access = access;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The application clock. */
    public Clock clock() {
        return clock;
    }

    /** A commune with an administrator. */
    public Tenant commune() {
        return create(CollectiviteType.COMMUNE, null);
    }

    /** An EPCI with an administrator. */
    public Tenant epci() {
        return create(CollectiviteType.EPCI, null);
    }

    /** A commune attached to the given EPCI, with an administrator. */
    public Tenant communeOf(Tenant epci) {
        return create(CollectiviteType.COMMUNE, epci.officialCode());
    }

    public Tenant create(CollectiviteType type, String parentCode) {
        for (int attempt = 0; ; attempt++) {
            String code = type == CollectiviteType.EPCI ? randomSiren() : randomCommuneCode();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String name = (type == CollectiviteType.EPCI ? "Agglo test " : "Commune test ") + suffix;
            CollectiviteId id = new CollectiviteId(UUID.randomUUID());
            String email = "admin-" + suffix + "@test.example";
            try {
                return SystemActor.actFor(id, "test fixture", () -> transaction.execute(status -> {
                    CollectiviteView view = collectivites.createStandalone(id, new NewCollectivite(type,
                            new CollectiviteSettings(name, null, code, null, 12_000, parentCode, null, null)), false);
                    AddedMember admin = members.addWithOwnPassword(new NewMember(email, "Admin " + suffix, Role.ADMIN,
                            PASSWORD));
                    return new Tenant(view.id(), view.name(), code,
                            new Agent(admin.member().userId(), email, PASSWORD, Role.ADMIN, view.id()));
                }));
            } catch (ConflictException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    /** Adds a new member with the given role. */
    public Agent member(Tenant tenant, Role role) {
        String email = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@test.example";
        return SystemActor.actFor(tenant.id(), "test fixture", () -> transaction.execute(status -> {
            AddedMember added = members.addWithOwnPassword(new NewMember(email, "Agent " + email.substring(0, 12), role,
                    PASSWORD));
            return new Agent(added.member().userId(), email, PASSWORD, role, tenant.id());
        }));
    }

    /** Adds an existing agent to another collectivité with the given role. */
    public Agent join(Agent agent, Tenant tenant, Role role) {
        return SystemActor.actFor(tenant.id(), "test fixture", () -> transaction.execute(status -> {
            members.addWithOwnPassword(new NewMember(agent.email(), "Agent", role, null));
            return new Agent(agent.userId(), agent.email(), agent.password(), role, tenant.id());
        }));
    }

    /** The session authentication of an agent in their collectivité, as the login would build it. */
    public ParvisAuthentication authentication(Agent agent) {
        return authentication(agent, agent.collectiviteId());
    }

    /** The session authentication of an agent in a given collectivité. */
    public ParvisAuthentication authentication(Agent agent, CollectiviteId collectivite) {
        return ParvisAuthentication.forSession(new AgentPrincipal(agent.userId(), agent.email(), "Agent"),
                access.resolve(agent.userId(), collectivite).orElseThrow(
                        () -> new IllegalStateException(agent.email() + " has no access to " + collectivite)),
                AuthChannel.PASSWORD);
    }

    /** Runs {@code work} as the agent (calling management services directly, outside a transaction). */
    public <T> T as(Agent agent, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(agent));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(Agent agent, Runnable work) {
        as(agent, () -> {
            work.run();
            return null;
        });
    }

    /**
     * A random valid INSEE commune code of metropolitan France, never in the Val-d'Oise (95) where
     * the demo's communes are (95997 to 95999): a test tenant holding one of their codes would make
     * the demo seeding of a later context fail.
     */
    public static String randomCommuneCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int departement = random.nextInt(21, 95);
        return String.format("%02d%03d", departement, random.nextInt(1, 1000));
    }

    /** A random SIREN number with a valid Luhn key. */
    public static String randomSiren() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("2");
        for (int i = 0; i < 7; i++) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** A collectivité created for a test, with its administrator. */
    public record Tenant(CollectiviteId id, String name, String officialCode, Agent admin) {
    }

    /** An agent created for a test. */
    public record Agent(UserId userId, String email, String password, Role role, CollectiviteId collectiviteId) {
    }
}

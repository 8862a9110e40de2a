package fr.parvis.system.demo;

import fr.parvis.channels.SandboxHistoryReport;
import fr.parvis.channels.SandboxManagement;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.system.ParvisProperties;
import fr.parvis.territory.AddedMember;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.NewCollectivite;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import fr.parvis.territory.ServiceDraft;
import fr.parvis.territory.access.SystemActor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: on first start, creates the fictional "Communauté d'agglomération de Démo" with three
 * member communes, among them "Ville de Démo" (25 000 inhabitants) with its services and one demo
 * user per role, and three Sandbox accounts of Ville de Démo with about 90 days of history (posts,
 * the audience's interactions, follower curves), whose simulated audience then keeps acting while
 * the application runs. Idempotent: nothing is created twice (missing Sandbox accounts are added to
 * an existing demo). If {@code PARVIS_DEMO_API_TOKEN} is set, it
 * becomes an ADMIN API token of Ville de Démo. The demo logins are printed once the server is
 * ready.
 */
@Component
@Order(10)
@CrossTenant("Creates the demo collectivités and checks whether they exist")
class DemoSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo-parvis-2026";
    static final String VILLE_SLUG = "ville-de-demo";
    static final String ADMIN_EMAIL = "admin@ville-demo.example";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    /** Fictional codes: valid formats, no real commune or EPCI. */
    private static final String EPCI_SIREN = "200099901";

    private final ParvisProperties properties;
    private final CollectiviteManagement collectivites;
    private final MemberManagement members;
    private final MunicipalServiceManagement services;
    private final DelegationManagement delegations;
    private final ApiTokenManagement tokens;
    private final SocialAccountManagement socialAccounts;
    private final SandboxManagement sandbox;
    private final TransactionTemplate transaction;

    DemoSeeder(ParvisProperties properties, CollectiviteManagement collectivites, MemberManagement members,
            MunicipalServiceManagement services, DelegationManagement delegations, ApiTokenManagement tokens,
            SocialAccountManagement socialAccounts, SandboxManagement sandbox,
            PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.collectivites = collectivites;
        this.members = members;
        this.services = services;
        this.delegations = delegations;
        this.tokens = tokens;
        this.socialAccounts = socialAccounts;
        this.sandbox = sandbox;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        Optional<CollectiviteView> ville = SystemActor.actAsRoot("demo check",
                () -> transaction.execute(status -> collectivites.findBySlugForPlatform(VILLE_SLUG)));
        CollectiviteId villeId = ville.map(CollectiviteView::id).orElseGet(this::seed);
        seedSandboxAccounts(villeId);
        String apiToken = properties.demo().apiToken();
        if (apiToken != null && !apiToken.isBlank()) {
            registerApiToken(villeId, apiToken.strip());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins(ApplicationReadyEvent event) {
        if (!properties.demo().enabled()) {
            return;
        }
        log.info("""

                ──────────────────────────────────────────────────────────────────────
                 Parvis — mode démonstration / demo mode
                 {}
                 Connexion / login : {}  mot de passe / password : {}
                 Autres comptes de démo (même mot de passe) : direction.com@, cm@, elu@,
                 voirie@, lecture@ville-demo.example ; cm@agglo-demo.example
                 Données fictives — Sandbox. Désactiver : PARVIS_DEMO=false
                ──────────────────────────────────────────────────────────────────────""",
                properties.baseUrl(), ADMIN_EMAIL, DEMO_PASSWORD);
    }

    private CollectiviteId seed() {
        log.info("Demo mode: creating the fictional demo collectivités");
        CollectiviteId epci = create(CollectiviteType.EPCI, settings("Communauté d'agglomération de Démo",
                "agglo-de-demo", EPCI_SIREN, 41_350, null, "#1d4f91"), () -> {
                    member("cm@agglo-demo.example", "Nadia Benali", Role.COMMUNITY_MANAGER);
                    member("admin@agglo-demo.example", "Olivier Marchand", Role.ADMIN);
                });
        CollectiviteId ville = create(CollectiviteType.COMMUNE, settings("Ville de Démo", VILLE_SLUG, "95999", 25_000,
                EPCI_SIREN, "#0b6e4f"), () -> {
                    member(ADMIN_EMAIL, "Claire Dubois", Role.ADMIN);
                    member("direction.com@ville-demo.example", "Marc Lefèvre", Role.COMMUNICATION_DIRECTOR);
                    member("cm@ville-demo.example", "Inès Moreau", Role.COMMUNITY_MANAGER);
                    member("elu@ville-demo.example", "Paul Garnier", Role.ELECTED_OFFICIAL);
                    member("voirie@ville-demo.example", "Sophie Lambert", Role.SERVICE_AGENT);
                    member("lecture@ville-demo.example", "Hugo Petit", Role.READ_ONLY);
                    for (ServiceDraft service : VILLE_SERVICES) {
                        services.create(service);
                    }
                });
        inside(epci, () -> member(ADMIN_EMAIL, "Claire Dubois", Role.COMMUNICATION_DIRECTOR));
        create(CollectiviteType.COMMUNE, settings("Bourg-de-Démo", "bourg-de-demo", "95998", 8_200, EPCI_SIREN,
                "#e67e22"), () -> {
                    member("admin@bourg-demo.example", "Jean Roux", Role.ADMIN);
                    services.create(new ServiceDraft("Services techniques", "Voirie, éclairage, bâtiments.",
                            "technique@bourg-demo.example"));
                    services.create(new ServiceDraft("Accueil de la mairie", "État civil et démarches.",
                            "accueil@bourg-demo.example"));
                    delegations.grant(new NewDelegation(Role.COMMUNITY_MANAGER));
                });
        create(CollectiviteType.COMMUNE, settings("Village-de-Démo", "village-de-demo", "95997", 1_150, EPCI_SIREN,
                null), () -> member("admin@village-demo.example", "Lucie Fabre", Role.ADMIN));
        return ville;
    }

    /** The Sandbox accounts of Ville de Démo, each with its community and a past. */
    record SandboxAccount(String handle, String displayName, String community, long followers) {
    }

    static final List<SandboxAccount> SANDBOX_ACCOUNTS = List.of(
            new SandboxAccount("ville-de-demo", "Ville de Démo", "Tous les habitants (actualités générales)", 2_400),
            new SandboxAccount("demo-jeunesse", "Démo Jeunesse", "Jeunes de 12 à 25 ans", 650),
            new SandboxAccount("demo-entreprendre", "Démo Entreprendre", "Commerçants et entrepreneurs", 900));

    static final int HISTORY_DAYS = 90;

    /** Creates the missing demo Sandbox accounts with their history, in bulk. */
    private void seedSandboxAccounts(CollectiviteId villeId) {
        long started = System.nanoTime();
        int posts = 0;
        int interactions = 0;
        List<String> existing = SystemActor.actFor(villeId, "demo seeding", () -> socialAccounts.list().stream()
                .filter(a -> a.network() == Network.SANDBOX).map(SocialAccountView::handle).toList());
        for (SandboxAccount demo : SANDBOX_ACCOUNTS) {
            if (existing.contains("@" + demo.handle())) {
                continue;
            }
            SandboxHistoryReport report = SystemActor.actFor(villeId, "demo seeding", () -> {
                SocialAccountView account = socialAccounts.connectOneClick(Network.SANDBOX, demo.handle(),
                        demo.displayName(), demo.community());
                return sandbox.writeHistory(account.id(), HISTORY_DAYS, demo.followers());
            });
            posts += report.posts();
            interactions += report.interactions();
        }
        if (posts > 0) {
            log.info("Demo mode: Sandbox accounts with {} days of history ({} posts, {} interactions) created in {} ms",
                    HISTORY_DAYS, posts, interactions, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void registerApiToken(CollectiviteId villeId, String secret) {
        inside(villeId, () -> {
            AddedMember admin = members.list().stream().filter(m -> m.email().equals(ADMIN_EMAIL)).findFirst()
                    .map(m -> new AddedMember(m, false))
                    .orElseThrow(() -> new IllegalStateException("Demo administrator missing"));
            tokens.registerOperatorSecret(admin.member().userId(), "Jeton de démonstration (PARVIS_DEMO_API_TOKEN)",
                    secret, Role.ADMIN, Duration.ofDays(365));
        });
        log.info("Demo API token from PARVIS_DEMO_API_TOKEN is an ADMIN token of Ville de Démo");
    }

    private CollectiviteId create(CollectiviteType type, CollectiviteSettings settings, Runnable then) {
        CollectiviteId id = new CollectiviteId(UUID.randomUUID());
        inside(id, () -> {
            collectivites.createStandalone(id, new NewCollectivite(type, settings), true);
            then.run();
        });
        return id;
    }

    private void inside(CollectiviteId id, Runnable work) {
        SystemActor.actFor(id, "demo seeding", (Supplier<Object>) () -> transaction.execute(status -> {
            work.run();
            return null;
        }));
    }

    private void member(String email, String name, Role role) {
        members.addWithOwnPassword(new NewMember(email, name, role, DEMO_PASSWORD));
    }

    private static CollectiviteSettings settings(String name, String slug, String code, int population,
            String parentCode, String color) {
        return new CollectiviteSettings(name, slug, code, null, population, parentCode, color, "Europe/Paris");
    }

    private static final List<ServiceDraft> VILLE_SERVICES = List.of(
            new ServiceDraft("Voirie", "Chaussées, trottoirs, signalisation, nids-de-poule.", "voirie@ville-demo.example"),
            new ServiceDraft("Propreté urbaine", "Dépôts sauvages, tags, corbeilles, balayage.",
                    "proprete@ville-demo.example"),
            new ServiceDraft("Éclairage public", "Lampadaires en panne, horaires d'éclairage.",
                    "eclairage@ville-demo.example"),
            new ServiceDraft("Espaces verts", "Parcs, jardins, arbres d'alignement.", "espaces-verts@ville-demo.example"),
            new ServiceDraft("Culture", "Médiathèque, saison culturelle, patrimoine.", "culture@ville-demo.example"),
            new ServiceDraft("État civil", "Naissances, mariages, décès, papiers d'identité.",
                    "etat-civil@ville-demo.example"),
            new ServiceDraft("Jeunesse et sports", "Équipements sportifs, accueils de loisirs.",
                    "jeunesse@ville-demo.example"),
            new ServiceDraft("Urbanisme", "Permis de construire, déclarations préalables, PLU.",
                    "urbanisme@ville-demo.example"));
}

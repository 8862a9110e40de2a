package fr.parvis.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Access;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.AccessVia;
import fr.parvis.territory.access.ApiTokenAuthenticator;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.test.DemoIntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * Demo mode creates the fictional collectivités once, one demo user per role, the delegation of
 * Bourg-de-Démo, and turns PARVIS_DEMO_API_TOKEN into an ADMIN token of Ville de Démo.
 */
@DemoIntegrationTest
class DemoSeedingIntegrationTests {

    @Autowired
    DemoSeeder seeder;

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    MemberManagement members;

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    AccessManagement access;

    @Autowired
    ApiTokenAuthenticator tokens;

    @Test
    void createsTheFictionalTerritoryWithOneUserPerRole() {
        CollectiviteView ville = ville();
        assertThat(ville.population()).isEqualTo(25_000);
        assertThat(ville.demo()).isTrue();
        assertThat(ville.parentName()).isEqualTo("Communauté d'agglomération de Démo");
        List<MemberView> team = SystemActor.actFor(ville.id(), "test", members::list);
        Set<Role> roles = team.stream().map(MemberView::role).collect(Collectors.toSet());
        assertThat(roles).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(SystemActor.actFor(ville.id(), "test", services::list)).hasSizeGreaterThanOrEqualTo(8);
        List<CollectiviteView> communes = SystemActor.actFor(ville.parentId(), "test", collectivites::attached);
        assertThat(communes).extracting(CollectiviteView::name)
                .containsExactlyInAnyOrder("Bourg-de-Démo", "Ville de Démo", "Village-de-Démo");
    }

    @Test
    void theDemoAdministratorSeesTheDelegatedCommune() {
        MemberView claire = SystemActor.actFor(ville().id(), "test", members::list).stream()
                .filter(m -> m.email().equals(DemoSeeder.ADMIN_EMAIL)).findFirst().orElseThrow();
        List<Access> accesses = access.accessible(claire.userId());
        assertThat(accesses).extracting(Access::collectiviteName)
                .contains("Ville de Démo", "Communauté d'agglomération de Démo", "Bourg-de-Démo");
        assertThat(accesses).filteredOn(a -> a.collectiviteName().equals("Bourg-de-Démo")).singleElement()
                .satisfies(a -> {
                    assertThat(a.via()).isEqualTo(AccessVia.DELEGATION);
                    assertThat(a.role()).isEqualTo(Role.COMMUNITY_MANAGER);
                });
        assertThat(access.landing(claire.userId())).map(Access::collectiviteName).hasValue("Ville de Démo");
    }

    @Test
    void theConfiguredApiTokenIsAnAdminTokenOfVilleDeDemo() {
        ParvisAuthentication authentication = tokens.authenticate("demo-token-for-integration-tests-0001", "127.0.0.1");
        assertThat(authentication.role()).isEqualTo(Role.ADMIN);
        assertThat(authentication.collectiviteName()).isEqualTo("Ville de Démo");
        assertThat(authentication.getPrincipal().email()).isEqualTo(DemoSeeder.ADMIN_EMAIL);
    }

    @Test
    void seedingTwiceCreatesNothingMore() throws Exception {
        CollectiviteId before = ville().id();
        int members = SystemActor.actFor(before, "test", this.members::list).size();
        seeder.run(new DefaultApplicationArguments());
        assertThat(ville().id()).isEqualTo(before);
        assertThat(SystemActor.actFor(before, "test", this.members::list)).hasSize(members);
        ParvisAuthentication again = tokens.authenticate("demo-token-for-integration-tests-0001", "127.0.0.1");
        assertThat(again.role()).isEqualTo(Role.ADMIN);
    }

    private CollectiviteView ville() {
        return SystemActor.actAsRoot("test", () -> collectivites.findBySlugForPlatform(DemoSeeder.VILLE_SLUG))
                .orElseThrow();
    }
}

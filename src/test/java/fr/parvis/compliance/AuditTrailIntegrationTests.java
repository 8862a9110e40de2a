package fr.parvis.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import fr.parvis.territory.ServiceDraft;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** The audit trail records who did what on which object, is searchable by administrators only, and cannot be changed. */
@IntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    AuditTrail audit;

    @Autowired
    MemberManagement members;

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    Tenant commune;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
    }

    @Test
    void actionsAreRecordedWithActorObjectAndDetails() {
        String email = "jeanne-" + System.nanoTime() + "@test.example";
        tenants.as(commune.admin(), () -> members.add(new NewMember(email, "Jeanne Martin", Role.COMMUNITY_MANAGER,
                "Un-bon-mot-2026")));
        List<AuditEntryView> entries = search(new AuditQuery("member.added", null, null, null, null, 0, 50));
        assertThat(entries).filteredOn(e -> email.equals(e.objectLabel())).singleElement().satisfies(entry -> {
            assertThat(entry.actorUserId()).isEqualTo(commune.admin().userId().value());
            assertThat(entry.actorLabel()).contains(commune.admin().email());
            assertThat(entry.channel()).isEqualTo("WEB");
            assertThat(entry.objectType()).isEqualTo("member");
            assertThat(entry.details()).isEqualTo("role=COMMUNITY_MANAGER; account=new");
        });
    }

    @Test
    void searchFiltersByActionActorTextAndDay() {
        Agent director = tenants.member(commune, Role.COMMUNICATION_DIRECTOR);
        tenants.as(director, () -> services.create(new ServiceDraft("Éclairage public", null, null)));
        tenants.as(commune.admin(), () -> services.create(new ServiceDraft("Voirie", null, null)));

        assertThat(search(new AuditQuery("service.created", director.userId().value(), null, null, null, 0, 50)))
                .extracting(AuditEntryView::objectLabel).containsExactly("Éclairage public");
        assertThat(search(new AuditQuery(null, null, "voirie", null, null, 0, 50)))
                .extracting(AuditEntryView::objectLabel).containsExactly("Voirie");
        LocalDate today = LocalDate.now(tenants.clock().withZone(ZoneId.of("Europe/Paris")));
        assertThat(search(new AuditQuery("service.created", null, null, today, today, 0, 50))).hasSize(2);
        assertThat(search(new AuditQuery("service.created", null, null, today.plusDays(1), null, 0, 50))).isEmpty();
        assertThat(search(new AuditQuery(null, null, "100%_\\", null, null, 0, 50))).as("LIKE wildcards are escaped")
                .isEmpty();
    }

    @Test
    void theTrailOfAnotherCollectiviteIsInvisible() {
        Tenant other = tenants.commune();
        tenants.as(other.admin(), () -> services.create(new ServiceDraft("Service secret", null, null)));
        assertThat(search(new AuditQuery(null, null, "Service secret", null, null, 0, 50))).isEmpty();
    }

    @Test
    void onlyAdministratorsReadTheTrail() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        assertThatThrownBy(() -> tenants.as(manager, () -> audit.search(AuditQuery.firstPage())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.perform(get("/parametres/journal").with(authentication(tenants.authentication(manager))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        String page = mvc.perform(get("/parametres/journal").param("du", "pas-une-date")
                .with(authentication(tenants.authentication(commune.admin())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("La date de début n&#39;est pas une date valide.");
    }

    @Test
    void theDatabaseRefusesToChangeOrEraseEntries() {
        tenants.as(commune.admin(), () -> services.create(new ServiceDraft("Culture", null, null)));
        String id = search(AuditQuery.firstPage()).get(0).id().toString();
        assertThatThrownBy(() -> jdbc.update("update compliance_audit_entry set actor_label = 'faussaire' where id = ?",
                java.util.UUID.fromString(id))).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from compliance_audit_entry where id = ?",
                java.util.UUID.fromString(id))).rootCause().hasMessageContaining("append-only");
        assertThat(search(AuditQuery.firstPage())).extracting(e -> e.id().toString()).contains(id);
    }

    private List<AuditEntryView> search(AuditQuery query) {
        return tenants.as(commune.admin(), () -> audit.search(query).entries());
    }
}

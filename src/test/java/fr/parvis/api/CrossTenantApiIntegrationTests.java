package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Role;
import fr.parvis.territory.ServiceDraft;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An administrator token of commune A, given every id of commune B on every {@code {id}} route,
 * gets 404 — the same answer as for an id that does not exist — and B is left unchanged.
 */
class CrossTenantApiIntegrationTests extends ApiTestSupport {

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    MemberManagement members;

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    DelegationManagement delegations;

    @Autowired
    AuditTrail audit;

    Tenant a;
    Tenant epciOfB;
    Tenant b;
    Agent memberOfB;
    MemberView membershipOfB;
    MunicipalServiceView serviceOfB;
    CreatedApiToken tokenOfB;
    DelegationView delegationOfB;
    UUID auditEntryOfB;
    CollectiviteView collectiviteB;
    String tokenOfA;

    @BeforeEach
    void twoCollectivites() {
        a = tenants.commune();
        epciOfB = tenants.epci();
        b = tenants.communeOf(epciOfB);
        memberOfB = tenants.member(b, Role.COMMUNITY_MANAGER);
        membershipOfB = tenants.as(b.admin(), members::list).stream()
                .filter(m -> m.email().equals(memberOfB.email())).findFirst().orElseThrow();
        serviceOfB = tenants.as(b.admin(), () -> services.create(new ServiceDraft("Propreté", null, null)));
        tokenOfB = token(memberOfB);
        delegationOfB = tenants.as(b.admin(), () -> delegations.grant(new NewDelegation(Role.READ_ONLY)));
        auditEntryOfB = tenants.as(b.admin(), () -> audit.search(AuditQuery.firstPage())).entries().get(0).id();
        collectiviteB = tenants.as(b.admin(), collectivites::current);
        tokenOfA = token(a.admin()).secret();
    }

    @Test
    void everyIdRouteAnswersNotFoundForAnotherCollectivitesIds() throws Exception {
        String json = MediaType.APPLICATION_JSON_VALUE;
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/collectivites/{id}", b.id()),
                patch("/api/v1/collectivites/{id}", b.id()).contentType(json).content("{\"name\":\"Volée\"}"),
                get("/api/v1/collectivites/{id}/attached", b.id()),
                get("/api/v1/collectivites/{id}/attached", epciOfB.id()),
                get("/api/v1/memberships/{id}", membershipOfB.id()),
                patch("/api/v1/memberships/{id}", membershipOfB.id()).contentType(json).content("{\"role\":\"ADMIN\"}"),
                delete("/api/v1/memberships/{id}", membershipOfB.id()),
                post("/api/v1/memberships/{id}/unlock", membershipOfB.id()),
                get("/api/v1/services/{id}", serviceOfB.id()),
                patch("/api/v1/services/{id}", serviceOfB.id()).contentType(json)
                        .content("{\"name\":\"Volé\",\"active\":false}"),
                get("/api/v1/audit/{id}", auditEntryOfB),
                get("/api/v1/tokens/{id}", tokenOfB.token().id()),
                delete("/api/v1/tokens/{id}", tokenOfB.token().id()),
                get("/api/v1/delegations/{id}", delegationOfB.id()),
                delete("/api/v1/delegations/{id}", delegationOfB.id()));

        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request.with(bearer(tokenOfA)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("not-found"));
        }

        assertThat(tenants.as(b.admin(), collectivites::current)).isEqualTo(collectiviteB);
        MemberView member = tenants.as(b.admin(), () -> members.get(membershipOfB.id()));
        assertThat(member.role()).isEqualTo(Role.COMMUNITY_MANAGER);
        MunicipalServiceView service = tenants.as(b.admin(), () -> services.get(serviceOfB.id()));
        assertThat(service.name()).isEqualTo("Propreté");
        assertThat(service.active()).isTrue();
        assertThat(tenants.as(b.admin(), () -> tokenManagement.get(tokenOfB.token().id())).status())
                .isEqualTo(ApiTokenView.TokenStatus.ACTIVE);
        assertThat(tenants.as(b.admin(), delegations::given)).singleElement()
                .extracting(DelegationView::active).isEqualTo(true);
        mvc.perform(get("/api/v1/me").with(bearer(tokenOfB.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collectiviteId").value(b.id().toString()));
    }

    @Test
    void listsNeverShowAnotherCollectivitesData() throws Exception {
        mvc.perform(get("/api/v1/collectivites").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(a.id().toString()));
        mvc.perform(get("/api/v1/memberships").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].email").value(a.admin().email()));
        mvc.perform(get("/api/v1/services").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/tokens").param("all", "true").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].ownerId").value(a.admin().userId().toString()));
        mvc.perform(get("/api/v1/delegations").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/delegations/received").with(bearer(tokenOfA)))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/audit").param("text", b.name()).with(bearer(tokenOfA)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit").param("actor", b.admin().userId().toString()).with(bearer(tokenOfA)))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aTokenOfBActsOnlyInB() throws Exception {
        // The same person may belong to A too; their token of B still acts in B only.
        tenants.join(memberOfB, a, Role.ADMIN);
        mvc.perform(get("/api/v1/collectivites").with(bearer(tokenOfB.secret())))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(b.id().toString()));
        mvc.perform(get("/api/v1/collectivites/{id}", a.id()).with(bearer(tokenOfB.secret())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/services").with(bearer(tokenOfB.secret()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ailleurs\"}"))
                .andExpect(status().isForbidden());
        assertThat(tenants.as(a.admin(), services::list)).isEmpty();
    }
}

package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /api/v1/delegations}. */
class DelegationsApiIntegrationTests extends ApiTestSupport {

    @Autowired
    DelegationManagement delegations;

    Tenant epci;
    Tenant commune;

    @BeforeEach
    void communeOfAnEpci() {
        epci = tenants.epci();
        commune = tenants.communeOf(epci);
    }

    @Test
    void aCommuneDelegatesToItsEpciThenRevokes() throws Exception {
        MvcResult granted = mvc.perform(post("/api/v1/delegations").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"COMMUNITY_MANAGER\"}"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.communeId").value(commune.id().toString()))
                .andExpect(jsonPath("$.communeName").value(commune.name()))
                .andExpect(jsonPath("$.delegateId").value(epci.id().toString()))
                .andExpect(jsonPath("$.delegateName").value(epci.name()))
                .andExpect(jsonPath("$.role").value("COMMUNITY_MANAGER"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.grantedAt").isString())
                .andReturn();
        String id = body(granted).get("id").asString();
        assertThat(granted.getResponse().getHeader("Location")).endsWith("/api/v1/delegations/" + id);

        mvc.perform(get("/api/v1/delegations/{id}", id).with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/delegations").with(session(commune.admin())))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].active").value(true));
        mvc.perform(get("/api/v1/delegations/received").with(bearer(epci.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].communeId").value(commune.id().toString()))
                .andExpect(jsonPath("$[0].communeName").value(commune.name()));

        // Members of the EPCI now find the commune among their collectivités (session).
        mvc.perform(get("/api/v1/collectivites").with(session(epci.admin())))
                .andExpect(jsonPath("$[?(@.id == '%s')].via", commune.id().toString()).value("DELEGATION"))
                .andExpect(jsonPath("$[?(@.id == '%s')].role", commune.id().toString()).value("COMMUNITY_MANAGER"));

        mvc.perform(delete("/api/v1/delegations/{id}", id).with(session(commune.admin())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/delegations").with(bearer(commune.admin())))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].active").value(false))
                .andExpect(jsonPath("$[0].revokedAt").isString());
        mvc.perform(get("/api/v1/delegations/received").with(session(epci.admin())))
                .andExpect(jsonPath("$", hasSize(0)));
        assertThat(tenants.as(commune.admin(), delegations::given)).singleElement()
                .extracting(DelegationView::active).isEqualTo(false);
    }

    @Test
    void delegationRulesAreProblems() throws Exception {
        mvc.perform(post("/api/v1/delegations").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"SERVICE_AGENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Ce rôle ne peut pas être délégué."))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/delegations").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        mvc.perform(post("/api/v1/delegations").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/delegations").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"ADMIN\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("conflict"));

        Tenant alone = tenants.commune();
        mvc.perform(post("/api/v1/delegations").with(bearer(alone.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("La commune n'est rattachée à aucune intercommunalité dans Parvis."));
        assertThat(tenants.as(alone.admin(), delegations::given)).isEmpty();
    }

    @Test
    void onlyAdministratorsDelegate() throws Exception {
        Agent manager = tenants.member(commune, Role.COMMUNITY_MANAGER);
        mvc.perform(get("/api/v1/delegations").with(bearer(manager)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/delegations").with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"READ_ONLY\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        assertThat(tenants.as(commune.admin(), delegations::given)).isEmpty();
    }

    @Test
    void unknownDelegationsAreNotFound() throws Exception {
        for (String id : new String[] {UUID.randomUUID().toString(), "received-not"}) {
            mvc.perform(get("/api/v1/delegations/{id}", id).with(bearer(commune.admin())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
            mvc.perform(delete("/api/v1/delegations/{id}", id).with(bearer(commune.admin())))
                    .andExpect(status().isNotFound());
        }
    }
}

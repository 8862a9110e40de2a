package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.Role;
import fr.parvis.territory.ServiceDraft;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /api/v1/services}. */
class ServicesApiIntegrationTests extends ApiTestSupport {

    @Autowired
    MunicipalServiceManagement services;

    Tenant commune;

    @BeforeEach
    void commune() {
        commune = tenants.commune();
    }

    @Test
    void createsReadsAndListsServices() throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Voirie", "description", "Routes et trottoirs",
                                "contactEmail", "voirie@mairie.example"))))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.name").value("Voirie"))
                .andExpect(jsonPath("$.description").value("Routes et trottoirs"))
                .andExpect(jsonPath("$.contactEmail").value("voirie@mairie.example"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.createdAt").isString())
                .andReturn();
        String id = body(created).get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/services/" + id);

        mvc.perform(post("/api/v1/services").with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Action sociale\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/services/{id}", id).with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Voirie"));
        mvc.perform(get("/api/v1/services").with(session(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].name").value("Action sociale"))
                .andExpect(jsonPath("$[1].name").value("Voirie"));
    }

    @Test
    void patchUpdatesOnlyWhatIsSentAndDeactivates() throws Exception {
        MunicipalServiceView service = tenants.as(commune.admin(),
                () -> services.create(new ServiceDraft("Urbanisme", "Permis de construire", "urba@mairie.example")));

        mvc.perform(patch("/api/v1/services/{id}", service.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"Permis et déclarations\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Urbanisme"))
                .andExpect(jsonPath("$.description").value("Permis et déclarations"))
                .andExpect(jsonPath("$.contactEmail").value("urba@mairie.example"))
                .andExpect(jsonPath("$.active").value(true));

        mvc.perform(patch("/api/v1/services/{id}", service.id()).with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false,\"contactEmail\":\"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.contactEmail").doesNotExist())
                .andExpect(jsonPath("$.description").value("Permis et déclarations"));

        MunicipalServiceView stored = tenants.as(commune.admin(), () -> services.get(service.id()));
        assertThat(stored.active()).isFalse();
        assertThat(stored.contactEmail()).isNull();
        assertThat(stored.name()).isEqualTo("Urbanisme");

        mvc.perform(patch("/api/v1/services/{id}", service.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":true}"))
                .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void invalidOrDuplicateServicesAreProblems() throws Exception {
        tenants.as(commune.admin(), () -> services.create(new ServiceDraft("État civil", null, null)));

        mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(toJson(Map.of("name", "etat civil"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Un service nommé «\u00a0etat civil\u00a0» existe déjà."))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "s".repeat(121), "description", "d".repeat(501),
                                "contactEmail", "pas une adresse"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "name", "description", "contactEmail")));
        mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Ce champ est obligatoire."));
        mvc.perform(post("/api/v1/services").with(bearer(commune.admin()))
                        .contentType(MediaType.TEXT_PLAIN).content("Voirie"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("media-type"));
        assertThat(tenants.as(commune.admin(), services::list)).hasSize(1);
    }

    @Test
    void readOnlyMembersReadButCannotCreate() throws Exception {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        mvc.perform(get("/api/v1/services").with(bearer(reader)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/services").with(bearer(reader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.title").value("Accès refusé"));
        mvc.perform(post("/api/v1/services").with(session(reader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Voirie\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        assertThat(tenants.as(commune.admin(), services::list)).isEmpty();
    }

    @Test
    void unknownAndMalformedServiceIdsAreNotFound() throws Exception {
        for (String id : new String[] {UUID.randomUUID().toString(), "voirie", "' OR 1=1 --"}) {
            mvc.perform(get("/api/v1/services/{id}", id).with(bearer(commune.admin())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("not-found"));
            mvc.perform(patch("/api/v1/services/{id}", id).with(bearer(commune.admin()))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}"))
                    .andExpect(status().isNotFound());
        }
    }
}

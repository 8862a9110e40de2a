package fr.parvis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/me} and {@code /api/v1/collectivites}. */
class CollectivitesApiIntegrationTests extends ApiTestSupport {

    @Autowired
    CollectiviteManagement collectivites;

    Tenant commune;

    @BeforeEach
    void commune() {
        commune = tenants.commune();
    }

    @Test
    void meDescribesTheTokenCaller() throws Exception {
        CreatedApiToken token = token(commune.admin(), Role.COMMUNITY_MANAGER);
        mvc.perform(get("/api/v1/me").with(bearer(token.secret())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.userId").value(commune.admin().userId().toString()))
                .andExpect(jsonPath("$.email").value(commune.admin().email()))
                .andExpect(jsonPath("$.collectiviteId").value(commune.id().toString()))
                .andExpect(jsonPath("$.collectiviteName").value(commune.name()))
                .andExpect(jsonPath("$.role").value("COMMUNITY_MANAGER"))
                .andExpect(jsonPath("$.via").value("MEMBERSHIP"))
                .andExpect(jsonPath("$.channel").value("API_TOKEN"))
                .andExpect(jsonPath("$.tokenId").value(token.token().id().toString()))
                .andExpect(jsonPath("$.tokenName").value(token.token().name()))
                .andExpect(jsonPath("$.permissions", hasSize(1)))
                .andExpect(jsonPath("$.permissions[0]").value("POSTS_WRITE"));
    }

    @Test
    void meDescribesTheSessionCaller() throws Exception {
        mvc.perform(get("/api/v1/me").with(session(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.channel").value("PASSWORD"))
                .andExpect(jsonPath("$.tokenName").doesNotExist())
                .andExpect(jsonPath("$.permissions", hasSize(Role.ADMIN.permissions().size())));
    }

    @Test
    void aTokenListsOnlyItsOwnCollectiviteWhileTheSessionListsEveryAccessibleOne() throws Exception {
        Tenant other = tenants.commune();
        Agent agent = tenants.join(commune.admin(), other, Role.READ_ONLY);

        mvc.perform(get("/api/v1/collectivites").with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(commune.id().toString()))
                .andExpect(jsonPath("$[0].role").value("ADMIN"))
                .andExpect(jsonPath("$[0].current").value(true));

        JsonNode list = body(mvc.perform(get("/api/v1/collectivites").with(session(agent)))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).hasSize(2);
        Map<String, JsonNode> byId = Map.of(list.get(0).get("id").asString(), list.get(0),
                list.get(1).get("id").asString(), list.get(1));
        assertThat(byId.get(other.id().toString()).get("role").asString()).isEqualTo("READ_ONLY");
        assertThat(byId.get(other.id().toString()).get("current").asBoolean()).isTrue();
        assertThat(byId.get(commune.id().toString()).get("role").asString()).isEqualTo("ADMIN");
        assertThat(byId.get(commune.id().toString()).get("current").asBoolean()).isFalse();
    }

    @Test
    void getsTheCurrentCollectivite() throws Exception {
        mvc.perform(get("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(commune.id().toString()))
                .andExpect(jsonPath("$.type").value("COMMUNE"))
                .andExpect(jsonPath("$.name").value(commune.name()))
                .andExpect(jsonPath("$.officialCode").value(commune.officialCode()))
                .andExpect(jsonPath("$.population").value(12_000))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andExpect(jsonPath("$.hasLogo").value(false));
    }

    @Test
    void patchChangesOnlyTheFieldsSent() throws Exception {
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"primaryColor\":\"#123456\",\"population\":12345}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryColor").value("#123456"))
                .andExpect(jsonPath("$.population").value(12_345))
                .andExpect(jsonPath("$.name").value(commune.name()))
                .andExpect(jsonPath("$.officialCode").value(commune.officialCode()));

        CollectiviteView stored = tenants.as(commune.admin(), collectivites::current);
        assertThat(stored.primaryColor()).isEqualTo("#123456");
        assertThat(stored.population()).isEqualTo(12_345);
        assertThat(stored.name()).isEqualTo(commune.name());
        assertThat(stored.officialCode()).isEqualTo(commune.officialCode());
        assertThat(stored.timeZone()).isEqualTo("Europe/Paris");

        // An empty string clears an optional field; an empty body changes nothing.
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(session(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"primaryColor\":\"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryColor").doesNotExist())
                .andExpect(jsonPath("$.population").value(12_345));
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"population\":\"beaucoup\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("population"));
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(commune.name()))
                .andExpect(jsonPath("$.population").value(12_345));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20123", "2C004", "1234", "75000"})
    void anInvalidInseeCodeIsAProblemNamingTheField(String code) throws Exception {
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("officialCode", code, "name", "Nom changé"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.type").value("https://parvis.fr/problemes/invalid-input"))
                .andExpect(jsonPath("$.title").value("Requête invalide"))
                .andExpect(jsonPath("$.detail").value(containsString("n'est pas un code INSEE de commune")))
                .andExpect(jsonPath("$.detail").value(containsString(code)))
                .andExpect(jsonPath("$.instance").value("/api/v1/collectivites/" + commune.id()))
                .andExpect(jsonPath("$.errors[0].field").value("officialCode"));

        CollectiviteView stored = tenants.as(commune.admin(), collectivites::current);
        assertThat(stored.officialCode()).isEqualTo(commune.officialCode());
        assertThat(stored.name()).isEqualTo(commune.name());
    }

    @Test
    void anOversizedNameIsRejectedBeforeAnythingChanges() throws Exception {
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(toJson(Map.of("name", "n".repeat(151)))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Certaines valeurs sont invalides\u00a0: voir la liste «\u00a0errors\u00a0»."))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Ce champ doit compter au plus 150 caractères."));
        assertThat(tenants.as(commune.admin(), collectivites::current).name()).isEqualTo(commune.name());
    }

    @Test
    void problemsSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(toJson(Map.of("name", "n".repeat(151)))))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("Some values are invalid: see the \"errors\" list."))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("This field must have at most 150 characters."));

        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(commune.admin()))
                        .header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"officialCode\":\"2C004\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("is not an INSEE municipality code")))
                .andExpect(jsonPath("$.errors[0].field").value("officialCode"));

        mvc.perform(get("/api/v1/collectivites/{id}", "nope").with(bearer(commune.admin()))
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value(
                        "This resource does not exist or does not belong to your local government."));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() throws Exception {
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "123"}) {
            mvc.perform(get("/api/v1/collectivites/{id}", id).with(bearer(commune.admin())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("not-found"))
                    .andExpect(jsonPath("$.title").value("Introuvable"));
        }
        mvc.perform(get("/api/v1/collectivites/{id}", "00000000-0000-0000-0000-000000000000")
                        .with(bearer(commune.admin())))
                .andExpect(jsonPath("$.detail").value("Cette collectivité n'existe pas ou vous n'y avez pas accès."));
    }

    @Test
    void anEpciListsAndCreatesItsAttachedCommunes() throws Exception {
        Tenant epci = tenants.epci();
        Tenant member = tenants.communeOf(epci);
        String code = TestTenants.randomCommuneCode();

        var created = mvc.perform(post("/api/v1/collectivites").with(bearer(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("type", "COMMUNE", "name", "Nouvelle commune " + code,
                                "officialCode", code, "population", 800))))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.type").value("COMMUNE"))
                .andExpect(jsonPath("$.officialCode").value(code))
                .andExpect(jsonPath("$.parentId").value(epci.id().toString()))
                .andExpect(jsonPath("$.parentOfficialCode").value(epci.officialCode()))
                .andReturn();
        String newId = body(created).get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/collectivites/" + newId);

        mvc.perform(get("/api/v1/collectivites/{id}/attached", epci.id()).with(session(epci.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.id == '%s')].name", member.id().toString()).value(member.name()))
                .andExpect(jsonPath("$[?(@.id == '%s')].population", newId).value(800));

        // The creator became administrator of the new commune.
        mvc.perform(get("/api/v1/collectivites").with(session(epci.admin())))
                .andExpect(jsonPath("$[?(@.id == '%s')].role", newId).value("ADMIN"));
    }

    @Test
    void creationWithSessionNeedsCsrfAndAValidCode() throws Exception {
        Tenant epci = tenants.epci();
        String body = toJson(Map.of("type", "COMMUNE", "name", "Commune sans code", "officialCode", "20123",
                "population", 10));
        mvc.perform(post("/api/v1/collectivites").with(sessionWithoutCsrf(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("csrf"));
        mvc.perform(post("/api/v1/collectivites").with(session(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("officialCode"));
        mvc.perform(post("/api/v1/collectivites").with(session(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("type", "COMMUNE", "name", "x".repeat(151), "officialCode", "69123"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/api/v1/collectivites/{id}/attached", epci.id()).with(session(epci.admin())))
                .andExpect(jsonPath("$", hasSize(0)));

        String code = TestTenants.randomCommuneCode();
        mvc.perform(post("/api/v1/collectivites").with(session(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("type", "COMMUNE", "name", "Commune " + code, "officialCode", code,
                                "population", 10))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/collectivites/")));
    }

    @Test
    void aCommuneCannotCreateAnAttachedCommune() throws Exception {
        mvc.perform(post("/api/v1/collectivites").with(bearer(commune.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("type", "COMMUNE", "name", "Commune impossible",
                                "officialCode", TestTenants.randomCommuneCode(), "population", 10))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void readOnlyMembersMayReadButNotChange() throws Exception {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        mvc.perform(get("/api/v1/collectivites/{id}", commune.id()).with(bearer(reader)))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/v1/collectivites/{id}", commune.id()).with(bearer(reader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Piratée\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.detail").value("Votre rôle ne permet pas cette action dans cette collectivité."));
        assertThat(tenants.as(commune.admin(), collectivites::current).name()).isEqualTo(commune.name());
    }

    @Test
    void locationHeadersAreAbsolute() throws Exception {
        Tenant epci = tenants.epci();
        String code = TestTenants.randomCommuneCode();
        mvc.perform(post("/api/v1/collectivites").with(bearer(epci.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("type", "COMMUNE", "name", "Commune " + code, "officialCode", code,
                                "population", 10))))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("http://localhost/api/v1/")))
                .andExpect(header().string("Location", endsWith(
                        tenants.as(epci.admin(), collectivites::attached).get(0).id().toString())));
    }
}

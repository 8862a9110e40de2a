package fr.parvis.api;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import fr.parvis.territory.CreatedApiToken;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The happy path of every endpoint, once with a bearer token and once with the browser session
 * and its CSRF token. The other test classes check the effects and the errors in detail.
 */
class EveryEndpointIntegrationTests extends ApiTestSupport {

    enum Channel {
        BEARER, SESSION
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyEndpointAnswers(Channel channel) throws Exception {
        Tenant epci = tenants.epci();
        Tenant commune = tenants.communeOf(epci);
        RequestPostProcessor admin = caller(channel, commune.admin());
        String json = MediaType.APPLICATION_JSON_VALUE;

        ok(get("/api/v1/me"), admin).andExpect(jsonPath("$.collectiviteId").value(commune.id().toString()));

        // Collectivités
        ok(get("/api/v1/collectivites"), admin).andExpect(jsonPath("$[?(@.current == true)].id")
                .value(commune.id().toString()));
        ok(get("/api/v1/collectivites/{id}", commune.id()), admin).andExpect(jsonPath("$.name").value(commune.name()));
        ok(patch("/api/v1/collectivites/{id}", commune.id()).contentType(json).content("{\"primaryColor\":\"#224466\"}"),
                admin).andExpect(jsonPath("$.primaryColor").value("#224466"));
        created(post("/api/v1/collectivites").contentType(json).content(toJson(Map.of("type", "OTHER_PUBLIC_BODY",
                "name", "Office de tourisme " + UUID.randomUUID(), "officialCode", TestTenants.randomSiren()))), admin)
                .andExpect(jsonPath("$.parentId").value(commune.id().toString()));
        ok(get("/api/v1/collectivites/{id}/attached", commune.id()), admin).andExpect(jsonPath("$", hasSize(1)));

        // Memberships
        ok(get("/api/v1/memberships"), admin).andExpect(jsonPath("$", hasSize(1)));
        String email = "tour-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie.example";
        String membership = body(created(post("/api/v1/memberships").contentType(json).content(toJson(Map.of(
                "email", email, "displayName", "Sacha Tour", "role", "COMMUNITY_MANAGER",
                "initialPassword", "Provisoire-2026!"))), admin).andReturn()).get("membership").get("id").asString();
        ok(get("/api/v1/memberships/{id}", membership), admin).andExpect(jsonPath("$.email").value(email));
        ok(patch("/api/v1/memberships/{id}", membership).contentType(json).content("{\"role\":\"READ_ONLY\"}"), admin)
                .andExpect(jsonPath("$.role").value("READ_ONLY"));
        ok(post("/api/v1/memberships/{id}/unlock", membership), admin).andExpect(jsonPath("$.locked").value(false));
        noContent(delete("/api/v1/memberships/{id}", membership), admin);

        // Services
        String service = body(created(post("/api/v1/services").contentType(json).content("{\"name\":\"Voirie\"}"),
                admin).andReturn()).get("id").asString();
        ok(get("/api/v1/services"), admin).andExpect(jsonPath("$", hasSize(1)));
        ok(get("/api/v1/services/{id}", service), admin).andExpect(jsonPath("$.name").value("Voirie"));
        ok(patch("/api/v1/services/{id}", service).contentType(json).content("{\"active\":false}"), admin)
                .andExpect(jsonPath("$.active").value(false));

        // Tokens
        CreatedApiToken spare = token(commune.admin());
        ok(get("/api/v1/tokens"), admin).andExpect(jsonPath("$[?(@.id == '%s')]", spare.token().id()).exists());
        ok(get("/api/v1/tokens").param("all", "true"), admin);
        ok(get("/api/v1/tokens/{id}", spare.token().id()), admin).andExpect(jsonPath("$.status").value("ACTIVE"));
        noContent(delete("/api/v1/tokens/{id}", spare.token().id()), admin);
        ResultActions creation = mvc.perform(post("/api/v1/tokens").contentType(json)
                .content("{\"name\":\"Tournée\",\"role\":\"READ_ONLY\",\"validityDays\":7}").with(admin));
        if (channel == Channel.SESSION) {
            creation.andExpect(status().isCreated()).andExpect(jsonPath("$.secret").isString());
        } else {
            creation.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("token-creation-with-token"));
        }

        // Delegations
        String delegation = body(created(post("/api/v1/delegations").contentType(json)
                .content("{\"role\":\"COMMUNITY_MANAGER\"}"), admin).andReturn()).get("id").asString();
        ok(get("/api/v1/delegations"), admin).andExpect(jsonPath("$", hasSize(1)));
        ok(get("/api/v1/delegations/{id}", delegation), admin).andExpect(jsonPath("$.active").value(true));
        ok(get("/api/v1/delegations/received"), caller(channel, epci.admin()))
                .andExpect(jsonPath("$[0].id").value(delegation));
        noContent(delete("/api/v1/delegations/{id}", delegation), admin);

        // Audit: everything above left its trace
        String entry = body(ok(get("/api/v1/audit").param("action", "delegation.revoked"), admin).andReturn())
                .get("entries").get(0).get("id").asString();
        ok(get("/api/v1/audit/{id}", entry), admin).andExpect(jsonPath("$.action").value("delegation.revoked"))
                .andExpect(jsonPath("$.channel").value(channel == Channel.BEARER ? "API" : "WEB"));
    }

    private RequestPostProcessor caller(Channel channel, Agent agent) {
        return channel == Channel.BEARER ? bearer(token(agent).secret()) : session(agent);
    }

    private ResultActions ok(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
        return mvc.perform(request.with(caller))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private ResultActions created(MockHttpServletRequestBuilder request, RequestPostProcessor caller)
            throws Exception {
        return mvc.perform(request.with(caller))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private void noContent(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
        mvc.perform(request.with(caller)).andExpect(status().isNoContent());
    }
}

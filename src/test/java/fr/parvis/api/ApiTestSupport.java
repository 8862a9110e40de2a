package fr.parvis.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.Role;
import fr.parvis.test.MutableClock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API tests share: MockMvc on the whole application, fixtures, and the two ways of
 * calling the API (a bearer token created through {@link ApiTokenManagement}, or the browser
 * session with its CSRF token).
 */
@IntegrationTest
abstract class ApiTestSupport {

    static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokenManagement tokenManagement;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A token of the agent with the agent's own role. */
    CreatedApiToken token(Agent agent) {
        return token(agent, agent.role());
    }

    CreatedApiToken token(Agent agent, Role role) {
        return tenants.as(agent, () -> tokenManagement.create(
                new NewApiToken("test " + UUID.randomUUID().toString().substring(0, 8), role, 30)));
    }

    /** {@code Authorization: Bearer} with the agent's new token (its own role). */
    RequestPostProcessor bearer(Agent agent) {
        return bearer(token(agent).secret());
    }

    static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
            return request;
        };
    }

    /** The agent's browser session, with a valid CSRF token. */
    RequestPostProcessor session(Agent agent) {
        RequestPostProcessor auth = authentication(tenants.authentication(agent));
        RequestPostProcessor csrf = csrf();
        return request -> csrf.postProcessRequest(auth.postProcessRequest(request));
    }

    /** The agent's browser session, without any CSRF token. */
    RequestPostProcessor sessionWithoutCsrf(Agent agent) {
        return authentication(tenants.authentication(agent));
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
    }
}

package fr.parvis.system.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.parvis.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Probes are public and check the database; Prometheus metrics need the scraper's bearer token.
 */
@IntegrationTest
class OperationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void probesArePublicAndReadinessIncludesTheDatabase() throws Exception {
        MvcResult liveness = mvc.perform(get("/actuator/health/liveness")).andReturn();
        assertThat(liveness.getResponse().getStatus()).isEqualTo(200);
        assertThat(liveness.getResponse().getContentAsString()).contains("\"UP\"");
        MvcResult readiness = mvc.perform(get("/actuator/health/readiness")).andReturn();
        assertThat(readiness.getResponse().getStatus()).isEqualTo(200);
        assertThat(readiness.getResponse().getContentAsString()).contains("\"UP\"").doesNotContain("details");
    }

    @Test
    void metricsNeedTheScraperToken() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong")).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        MvcResult metrics = mvc.perform(get("/actuator/prometheus")
                .header("Authorization", "Bearer test-scraper-token")).andReturn();
        assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
        assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void otherActuatorEndpointsAreClosed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator"}) {
            assertThat(mvc.perform(get(path).header("Authorization", "Bearer test-scraper-token")).andReturn()
                    .getResponse().getStatus()).as(path).isIn(403, 404);
        }
    }
}

package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.ParvisApplication;
import fr.parvis.test.HttpBrowser;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sessions live in the shared database (Spring Session JDBC): a session opened on one node is
 * valid on another node behind the same load balancer, and a logout on one ends it everywhere.
 */
@IntegrationTest
class SessionAcrossNodesIntegrationTests {

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @BeforeAll
    static void startSecondNode() {
        secondNode = new SpringApplicationBuilder(ParvisApplication.class)
                .run("--server.port=0", "--db-scheduler.enabled=false");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aSessionOpenedOnOneNodeIsValidOnTheOther() throws Exception {
        Tenant commune = tenants.commune();
        int otherPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpBrowser nodeA = new HttpBrowser("http://localhost:" + port, cookies);
        HttpBrowser nodeB = new HttpBrowser("http://localhost:" + otherPort, cookies);

        assertThat(nodeB.get("/").statusCode()).as("not logged in yet").isEqualTo(302);
        HttpResponse<String> login = nodeA.login(commune.admin().email(), TestTenants.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("erreur");

        HttpResponse<String> onB = nodeB.get("/");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Tableau de bord", commune.name());

        nodeB.post("/deconnexion", java.util.Map.of(), true);
        assertThat(nodeA.get("/").statusCode()).as("logged out everywhere").isEqualTo(302);
    }
}

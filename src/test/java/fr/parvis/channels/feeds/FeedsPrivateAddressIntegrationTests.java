package fr.parvis.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.channels.net.UnsafeUrlException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Tenant;
import fr.parvis.test.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With the default configuration (no allow-list), subscribing a loopback, private, link-local or
 * unique-local address is refused, in the service, the API and the form; nothing is stored.
 */
@IntegrationTest
class FeedsPrivateAddressIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    FeedSourceManagement feeds;

    @Autowired
    MockMvc mvc;

    Tenant commune;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
    }

    @Test
    void internalAddressesAreRefusedAtSubscription() throws Exception {
        for (String url : List.of("http://127.0.0.1:8080/rss", "http://10.0.0.1/rss", "http://10.255.3.4:8443/feed",
                "http://localhost/rss", "http://[::1]/rss", "http://169.254.169.254/latest", "http://[fd00::1]/rss",
                "http://192.168.1.1/rss", "http://0.0.0.0/rss")) {
            assertThatThrownBy(() -> tenants.as(commune.admin(), () -> feeds.subscribe(url, FeedKind.OTHER, null)))
                    .as(url).isInstanceOfSatisfying(UnsafeUrlException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("outbound.private"));
        }

        MvcResult api = mvc.perform(post("/api/v1/feeds").with(authentication(tenants.authentication(commune.admin())))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"url\": \"http://127.0.0.1/rss\"}"))
                .andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"url\"");

        WebSession browser = new WebSession(mvc);
        browser.login(commune.admin().email(), TestTenants.PASSWORD);
        String page = browser.perform(post("/parametres/sources").param("url", "http://127.0.0.1/rss")
                .param("kind", "OTHER").with(csrf())).getResponse().getContentAsString();
        assertThat(page).contains("Parvis n&#39;appelle pas", "aria-describedby=\"feed-url-hint feed-url-error\"");

        assertThat(tenants.as(commune.admin(), feeds::list)).isEmpty();
    }
}

package fr.parvis.channels.bluesky;

import fr.parvis.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} that talks to the Bluesky test network on loopback (the outbound
 * guard lets the application reach localhost, with a patient read timeout, and counts the requests
 * it sends). The Bluesky connector tests and the publishing browser test share this one context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@IntegrationTest
@Import(BlueskyMustShowIntegrationTests.Counting.class)
@TestPropertySource(properties = {"parvis.outbound.allowed-private-hosts=localhost,127.0.0.1",
        "parvis.outbound.read-timeout=30s"})
public @interface BlueskyIntegrationTest {
}

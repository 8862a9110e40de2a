package fr.parvis.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test of the whole application in demo mode (the fictional collectivités, their users and
 * Sandbox accounts, and the demo API token), with MockMvc and a server on a random port. All demo
 * tests share this one application context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parvis.demo.enabled=true", "parvis.demo.api-token=" + DemoIntegrationTest.API_TOKEN})
@AutoConfigureMockMvc
public @interface DemoIntegrationTest {

    /** The demo API token of the tests (an ADMIN token of Ville de Démo). */
    String API_TOKEN = "demo-token-for-integration-tests-0001";
}

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
 * A test of the whole application on the test database (H2 in memory, or PostgreSQL with
 * {@code PARVIS_TEST_DB=postgres}), with MockMvc and a server on a random port (for the browser
 * tests and the HTTP clients). Tests create their own collectivités through {@link TestTenants}
 * and never depend on data left by others. Every test with this annotation and nothing more shares
 * one application context: a test that needs other properties or beans starts a context of its
 * own (about 15 s), so prefer setting what it needs at run time.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public @interface IntegrationTest {
}

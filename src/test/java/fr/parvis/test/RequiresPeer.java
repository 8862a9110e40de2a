package fr.parvis.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test needs outside peers: it is skipped with a visible reason when one is missing,
 * or fails when {@code PARVIS_TEST_REQUIRE_ALL=true}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PeerCondition.class)
public @interface RequiresPeer {

    Peer[] value();
}

package fr.parvis.shared.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few classes allowed to work across collectivités (authentication, the tenants
 * themselves, platform set-up). The ArchUnit rules allow root-scope access, native SQL and
 * repositories of non-tenant entities only from classes carrying this annotation, so each
 * exception is visible in review. {@link #value()} says why.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CrossTenant {

    /** Why this class must see more than the current collectivité. */
    String value();
}

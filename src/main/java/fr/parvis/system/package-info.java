/**
 * System: cross-cutting web and security configuration, the layout and navigation shell, error
 * pages, internationalisation, first-run set-up, demo seeding and operations endpoints.
 */
@ApplicationModule(displayName = "System")
package fr.parvis.system;

import org.springframework.modulith.ApplicationModule;

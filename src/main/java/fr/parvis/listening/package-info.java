/**
 * Listening: watch queries, mentions, sentiment and crisis alerts.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Listening")
package fr.parvis.listening;

import org.springframework.modulith.ApplicationModule;

/**
 * Publishing: posts with per-network variants, calendar, approval circuit, scheduling, crisis mode. Arrives with the publishing issue.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Publishing")
package fr.parvis.publishing;

import org.springframework.modulith.ApplicationModule;

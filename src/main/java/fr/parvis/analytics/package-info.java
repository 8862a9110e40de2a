/**
 * Analytics: metric snapshots, KPIs, reports and comparisons.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Analytics")
package fr.parvis.analytics;

import org.springframework.modulith.ApplicationModule;

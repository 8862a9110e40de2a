/**
 * Strategy: objectives, communities, channel plan, maturity diagnostic, campaigns.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Strategy")
package fr.parvis.strategy;

import org.springframework.modulith.ApplicationModule;

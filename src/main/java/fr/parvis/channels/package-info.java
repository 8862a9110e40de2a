/**
 * Channels: social accounts, the connector SPI, the credential vault and the Sandbox network. Arrives with the channels issue.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Channels")
package fr.parvis.channels;

import org.springframework.modulith.ApplicationModule;

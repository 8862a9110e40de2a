/**
 * Conversations: the unified inbox, moderation charter, citizen requests routed to services. Arrives with the conversations issue.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Conversations")
package fr.parvis.conversations;

import org.springframework.modulith.ApplicationModule;

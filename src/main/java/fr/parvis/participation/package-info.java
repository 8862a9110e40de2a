/**
 * Participation: the public site (council sessions, consultations, questions, mutual aid).
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Participation")
package fr.parvis.participation;

import org.springframework.modulith.ApplicationModule;

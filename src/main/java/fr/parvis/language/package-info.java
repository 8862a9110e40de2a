/**
 * Language: the French text toolkit (normalisation, language detection, classifiers, accessibility lint). Arrives with the conversations and publishing issues.
 *
 * <p>The module exists so that the module map of docs/architecture.md is visible in the code and
 * verified by ModularityTests; it has no types yet.
 */
@ApplicationModule(displayName = "Language")
package fr.parvis.language;

import org.springframework.modulith.ApplicationModule;

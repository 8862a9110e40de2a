/**
 * Language: the French text toolkit. Built so far: {@link fr.parvis.language.AccessibilityLint}
 * (alt texts, subtitles, hashtags, emojis named in French, fancy Unicode letters, capitals, acronyms,
 * punctuation, long sentences — domain.md §8) and {@link fr.parvis.language.NeutralityLint}
 * (pre-election wording, Code électoral L52-1 and L52-8 — domain.md §4), both pure JDK
 * {@code @Component}s returning {@link fr.parvis.language.TextFinding}s whose messages live in
 * {@code i18n/language}. Normalisation, language detection and classifiers come later.
 */
@ApplicationModule(displayName = "Language")
package fr.parvis.language;

import org.springframework.modulith.ApplicationModule;

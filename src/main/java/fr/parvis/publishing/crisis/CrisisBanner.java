package fr.parvis.publishing.crisis;

import java.time.Instant;

/**
 * What the banner shown on every page says while crisis mode is active.
 *
 * @param parentName the EPCI that started it for this commune, or {@code null}
 */
public record CrisisBanner(Instant since, String reason, long pausedPosts, String parentName) {
}

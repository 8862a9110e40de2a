package fr.parvis.territory.access;

/**
 * What an ongoing session needs to know again on each request: the access to keep and whether
 * the agent must first change a temporary password.
 */
public record SessionState(Access access, String email, String displayName, boolean mustChangePassword) {
}

package fr.parvis.publishing;

import fr.parvis.territory.Role;
import java.util.Set;

/** The approval circuit of the collectivité: how many levels, who approves at each, e-mails on or off. */
public record CircuitSettingsView(int approvalLevels, Set<Role> level1Roles, Set<Role> level2Roles,
        boolean notifyByEmail) {

    public CircuitSettingsView {
        level1Roles = Set.copyOf(level1Roles);
        level2Roles = Set.copyOf(level2Roles);
    }

    /** The roles that approve at {@code level} (1 or 2). */
    public Set<Role> rolesFor(int level) {
        return level <= 1 ? level1Roles : level2Roles;
    }
}

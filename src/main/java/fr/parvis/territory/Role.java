package fr.parvis.territory;

import java.util.EnumSet;
import java.util.Set;

/** The role of a user in one collectivité. A user has exactly one role per collectivité. */
public enum Role {

    /** Manages the collectivité, its users, tokens, delegations; reads the audit trail. */
    ADMIN(3, EnumSet.allOf(Permission.class)),
    /** Directs communication: strategy, approval, services. */
    COMMUNICATION_DIRECTOR(2, EnumSet.of(Permission.MEMBERS_VIEW, Permission.SERVICES_MANAGE,
            Permission.CHANNELS_MANAGE, Permission.POSTS_WRITE, Permission.POSTS_APPROVE, Permission.CRISIS_MANAGE,
            Permission.PUBLISHING_SETTINGS)),
    /** Writes, schedules, answers and moderates. */
    COMMUNITY_MANAGER(1, EnumSet.of(Permission.POSTS_WRITE)),
    /** An élu who approves publications. */
    ELECTED_OFFICIAL(-1, EnumSet.of(Permission.POSTS_APPROVE)),
    /** An agent of a municipal service who handles the requests routed to it. */
    SERVICE_AGENT(-1, EnumSet.noneOf(Permission.class)),
    /** Reads everything a member may read, changes nothing. */
    READ_ONLY(0, EnumSet.noneOf(Permission.class));

    /**
     * Rank on the communication ladder (ADMIN > COMMUNICATION_DIRECTOR > COMMUNITY_MANAGER >
     * READ_ONLY); -1 for roles beside the ladder.
     */
    private final int rank;

    private final EnumSet<Permission> permissions;

    Role(int rank, EnumSet<Permission> permissions) {
        this.rank = rank;
        this.permissions = permissions;
    }

    public boolean permits(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /**
     * Whether a holder of this role may hand out {@code other} (to an API token, a delegation):
     * ADMIN covers every role, each role covers itself and READ_ONLY, and the communication ladder
     * covers its lower steps.
     */
    public boolean covers(Role other) {
        if (this == other || this == ADMIN || other == READ_ONLY) {
            return true;
        }
        return rank >= 0 && other.rank >= 0 && rank >= other.rank;
    }

    /** Whether a member of an EPCI with this role may act in a commune that delegated to the EPCI. */
    public boolean actsThroughDelegation() {
        return rank >= 0;
    }

    /** The weaker of two ladder roles (used to cap a delegated role by the EPCI role). */
    public Role capTo(Role ceiling) {
        if (rank < 0 || ceiling.rank < 0) {
            throw new IllegalArgumentException("Only ladder roles can be capped: " + this + ", " + ceiling);
        }
        return rank <= ceiling.rank ? this : ceiling;
    }

    /** Roles a commune may delegate to its EPCI. */
    public static Set<Role> delegable() {
        return EnumSet.of(ADMIN, COMMUNICATION_DIRECTOR, COMMUNITY_MANAGER, READ_ONLY);
    }
}

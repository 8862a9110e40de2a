package fr.parvis.publishing.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import fr.parvis.territory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The approval circuit of a collectivité: how many levels, and which roles approve at each. */
@Entity
@Table(name = "publishing_settings")
public class CircuitSettings extends TenantScoped {

    @Column(name = "approval_levels", nullable = false)
    private int approvalLevels;

    @Column(name = "level1_roles", nullable = false, length = 200)
    private String level1Roles;

    @Column(name = "level2_roles", nullable = false, length = 200)
    private String level2Roles;

    @Column(name = "notify_by_email", nullable = false)
    private boolean notifyByEmail;

    @Column(name = "reserve_names", length = 4000)
    private String reserveNames;

    protected CircuitSettings() {
    }

    public CircuitSettings(int approvalLevels, Set<Role> level1, Set<Role> level2, boolean notifyByEmail) {
        change(approvalLevels, level1, level2, notifyByEmail);
    }

    /** One level by default: a director (or an administrator) approves. */
    public static CircuitSettings defaults() {
        return new CircuitSettings(1, EnumSet.of(Role.ADMIN, Role.COMMUNICATION_DIRECTOR, Role.ELECTED_OFFICIAL),
                EnumSet.of(Role.ADMIN, Role.ELECTED_OFFICIAL), true);
    }

    public void change(int approvalLevels, Set<Role> level1, Set<Role> level2, boolean notifyByEmail) {
        this.approvalLevels = approvalLevels;
        this.level1Roles = join(level1);
        this.level2Roles = join(level2);
        this.notifyByEmail = notifyByEmail;
    }

    public int approvalLevels() {
        return approvalLevels;
    }

    public Set<Role> level1Roles() {
        return split(level1Roles);
    }

    public Set<Role> level2Roles() {
        return split(level2Roles);
    }

    /** The roles that approve at {@code level} (1 or 2). */
    public Set<Role> rolesFor(int level) {
        return level <= 1 ? level1Roles() : level2Roles();
    }

    public boolean notifyByEmail() {
        return notifyByEmail;
    }

    /**
     * Names of candidates and parties, and their accounts ({@code @handle} or address), one per
     * line: the pre-election checks warn when a post names them and refuse a post that relays
     * their accounts (Code électoral L52-8).
     */
    public java.util.List<String> reserveNames() {
        if (reserveNames == null || reserveNames.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(reserveNames.split("\\R")).map(String::strip).filter(n -> !n.isEmpty())
                .distinct().toList();
    }

    public void reserveNames(java.util.List<String> names) {
        String joined = names == null ? null : String.join("\n", names.stream().map(String::strip)
                .filter(n -> !n.isEmpty()).distinct().toList());
        this.reserveNames = joined == null || joined.isEmpty() ? null : joined;
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> split(String roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
        }
        return set;
    }
}

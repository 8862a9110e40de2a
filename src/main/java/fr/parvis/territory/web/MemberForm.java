package fr.parvis.territory.web;

import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;

/** The "add a user" form (field names follow {@link NewMember}). */
public class MemberForm {

    private String email;
    private String displayName;
    private Role role = Role.COMMUNITY_MANAGER;
    private String initialPassword;

    NewMember toNewMember() {
        return new NewMember(email, displayName, role, initialPassword);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }
}

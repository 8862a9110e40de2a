package fr.parvis.territory.web;

import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.Role;

/** The "create a token" form (field names follow {@link NewApiToken}). */
public class TokenForm {

    private String name;
    private Role role = Role.READ_ONLY;
    private Integer validityDays = 90;

    NewApiToken toNewApiToken() {
        return new NewApiToken(name, role, validityDays);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Integer getValidityDays() {
        return validityDays;
    }

    public void setValidityDays(Integer validityDays) {
        this.validityDays = validityDays;
    }
}

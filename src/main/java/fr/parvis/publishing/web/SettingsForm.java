package fr.parvis.publishing.web;

import fr.parvis.territory.Role;
import java.util.EnumSet;
import java.util.Set;

/** The circuit settings form (field names follow {@code PublishingSettingsManagement.change}). */
public class SettingsForm {

    private int approvalLevels = 1;
    private Set<Role> level1Roles = EnumSet.noneOf(Role.class);
    private Set<Role> level2Roles = EnumSet.noneOf(Role.class);
    private boolean notifyByEmail;

    public int getApprovalLevels() {
        return approvalLevels;
    }

    public void setApprovalLevels(int approvalLevels) {
        this.approvalLevels = approvalLevels;
    }

    public Set<Role> getLevel1Roles() {
        return level1Roles;
    }

    public void setLevel1Roles(Set<Role> level1Roles) {
        this.level1Roles = level1Roles == null ? EnumSet.noneOf(Role.class) : level1Roles;
    }

    public Set<Role> getLevel2Roles() {
        return level2Roles;
    }

    public void setLevel2Roles(Set<Role> level2Roles) {
        this.level2Roles = level2Roles == null ? EnumSet.noneOf(Role.class) : level2Roles;
    }

    public boolean isNotifyByEmail() {
        return notifyByEmail;
    }

    public void setNotifyByEmail(boolean notifyByEmail) {
        this.notifyByEmail = notifyByEmail;
    }
}

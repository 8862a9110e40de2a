package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void adminCoversEveryRole() {
        for (Role role : Role.values()) {
            assertThat(Role.ADMIN.covers(role)).isTrue();
        }
    }

    @Test
    void communicationLadder() {
        assertThat(Role.COMMUNICATION_DIRECTOR.covers(Role.COMMUNITY_MANAGER)).isTrue();
        assertThat(Role.COMMUNITY_MANAGER.covers(Role.COMMUNICATION_DIRECTOR)).isFalse();
        assertThat(Role.COMMUNITY_MANAGER.covers(Role.READ_ONLY)).isTrue();
        assertThat(Role.READ_ONLY.covers(Role.COMMUNITY_MANAGER)).isFalse();
    }

    @Test
    void rolesBesideTheLadderCoverOnlyThemselvesAndReadOnly() {
        assertThat(Role.ELECTED_OFFICIAL.covers(Role.ELECTED_OFFICIAL)).isTrue();
        assertThat(Role.ELECTED_OFFICIAL.covers(Role.READ_ONLY)).isTrue();
        assertThat(Role.ELECTED_OFFICIAL.covers(Role.COMMUNITY_MANAGER)).isFalse();
        assertThat(Role.SERVICE_AGENT.covers(Role.ELECTED_OFFICIAL)).isFalse();
        assertThat(Role.COMMUNICATION_DIRECTOR.covers(Role.ELECTED_OFFICIAL)).isFalse();
    }

    @Test
    void delegatedRoleIsCappedByTheEpciRole() {
        assertThat(Role.ADMIN.capTo(Role.COMMUNITY_MANAGER)).isEqualTo(Role.COMMUNITY_MANAGER);
        assertThat(Role.READ_ONLY.capTo(Role.ADMIN)).isEqualTo(Role.READ_ONLY);
        assertThatThrownBy(() -> Role.ELECTED_OFFICIAL.capTo(Role.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Role.SERVICE_AGENT.actsThroughDelegation()).isFalse();
        assertThat(Role.COMMUNITY_MANAGER.actsThroughDelegation()).isTrue();
    }

    @Test
    void onlyAdministratorsManageMembersAndReadTheAudit() {
        for (Role role : Role.values()) {
            assertThat(role.permits(Permission.MEMBERS_MANAGE)).isEqualTo(role == Role.ADMIN);
            assertThat(role.permits(Permission.AUDIT_VIEW)).isEqualTo(role == Role.ADMIN);
        }
        assertThat(Role.COMMUNICATION_DIRECTOR.permits(Permission.SERVICES_MANAGE)).isTrue();
        assertThat(Role.COMMUNITY_MANAGER.permits(Permission.SERVICES_MANAGE)).isFalse();
    }
}

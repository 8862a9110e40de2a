package fr.parvis.territory.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import fr.parvis.territory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A user's role in one collectivité. */
@Entity
@Table(name = "territory_membership")
public class Membership extends TenantScoped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30)
    private Role role;

    protected Membership() {
    }

    public Membership(UserAccount user, Role role) {
        this.user = user;
        this.role = role;
    }

    public UserAccount user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public void changeRole(Role role) {
        this.role = role;
    }
}

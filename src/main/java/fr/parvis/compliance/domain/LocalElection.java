package fr.parvis.compliance.domain;

import fr.parvis.compliance.ElectionKind;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An ad-hoc or partial election a collectivité added for itself: it concerns that collectivité only. */
@Entity
@Table(name = "compliance_local_election")
public class LocalElection extends TenantScoped {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private ElectionKind kind;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "first_round", nullable = false)
    private LocalDate firstRound;

    @Column(name = "second_round")
    private LocalDate secondRound;

    @Column(name = "tentative", nullable = false)
    private boolean tentative;

    @Column(name = "hidden", nullable = false)
    private boolean hidden;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    protected LocalElection() {
    }

    public LocalElection(ElectionKind kind, String name, LocalDate firstRound, LocalDate secondRound,
            boolean tentative, UUID createdBy) {
        this.kind = kind;
        this.name = name;
        this.firstRound = firstRound;
        this.secondRound = secondRound;
        this.tentative = tentative;
        this.createdBy = createdBy;
    }

    public void describe(ElectionKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public void redate(LocalDate firstRound, LocalDate secondRound, boolean tentative) {
        this.firstRound = firstRound;
        this.secondRound = secondRound;
        this.tentative = tentative;
    }

    public void hide(boolean hidden) {
        this.hidden = hidden;
    }

    public ElectionKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public LocalDate firstRound() {
        return firstRound;
    }

    public LocalDate secondRound() {
        return secondRound;
    }

    public boolean tentative() {
        return tentative;
    }

    public boolean hidden() {
        return hidden;
    }

    public UUID createdBy() {
        return createdBy;
    }
}

package fr.parvis.compliance.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** What one collectivité changed on a shipped election: its dates, or hidden for itself. */
@Entity
@Table(name = "compliance_election_override")
public class ElectionOverride extends TenantScoped {

    @Column(name = "election_id", nullable = false, updatable = false)
    private UUID electionId;

    @Column(name = "dates_overridden", nullable = false)
    private boolean datesOverridden;

    @Column(name = "first_round")
    private LocalDate firstRound;

    @Column(name = "second_round")
    private LocalDate secondRound;

    @Column(name = "tentative", nullable = false)
    private boolean tentative;

    @Column(name = "hidden", nullable = false)
    private boolean hidden;

    protected ElectionOverride() {
    }

    public ElectionOverride(UUID electionId, boolean tentative) {
        this.electionId = electionId;
        this.tentative = tentative;
    }

    public void redate(LocalDate firstRound, LocalDate secondRound, boolean tentative) {
        this.datesOverridden = true;
        this.firstRound = firstRound;
        this.secondRound = secondRound;
        this.tentative = tentative;
    }

    public void hide(boolean hidden) {
        this.hidden = hidden;
    }

    public UUID electionId() {
        return electionId;
    }

    public boolean datesOverridden() {
        return datesOverridden;
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
}

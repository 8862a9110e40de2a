package fr.parvis.compliance.domain;

import fr.parvis.compliance.ElectionKind;
import fr.parvis.shared.persistence.AbstractEntity;
import fr.parvis.shared.tenancy.CrossTenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A general election shipped with Parvis (seeded by migration). Read-only for the application: a
 * collectivité changes it for itself through an {@link ElectionOverride}.
 */
@Entity
@Immutable
@Table(name = "compliance_election")
@CrossTenant("Platform-wide election calendar: the same reference data for every collectivité, read-only")
public class PlatformElection extends AbstractEntity {

    @Column(name = "code", nullable = false, length = 60)
    private String code;

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

    protected PlatformElection() {
    }

    public String code() {
        return code;
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
}

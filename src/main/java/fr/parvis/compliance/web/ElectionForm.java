package fr.parvis.compliance.web;

import fr.parvis.compliance.ElectionKind;
import fr.parvis.compliance.ElectionView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** Adding or changing an election (the kind and name are ignored on a shipped election). */
public class ElectionForm {

    private ElectionKind kind = ElectionKind.PARTIELLE;
    private String name;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate round1;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate round2;
    private boolean tentative;

    static ElectionForm of(ElectionView election) {
        ElectionForm form = new ElectionForm();
        form.kind = election.kind();
        form.name = election.name();
        form.round1 = election.firstRound();
        form.round2 = election.secondRound();
        form.tentative = election.tentative();
        return form;
    }

    /** The rounds typed, in the order typed (the service checks them). */
    List<LocalDate> rounds() {
        List<LocalDate> rounds = new ArrayList<>();
        if (round1 != null || round2 == null) {
            rounds.add(round1);
        }
        if (round2 != null) {
            rounds.add(round2);
        }
        return rounds;
    }

    public ElectionKind getKind() {
        return kind;
    }

    public void setKind(ElectionKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getRound1() {
        return round1;
    }

    public void setRound1(LocalDate round1) {
        this.round1 = round1;
    }

    public LocalDate getRound2() {
        return round2;
    }

    public void setRound2(LocalDate round2) {
        this.round2 = round2;
    }

    public boolean isTentative() {
        return tentative;
    }

    public void setTentative(boolean tentative) {
        this.tentative = tentative;
    }
}

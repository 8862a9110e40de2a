package fr.parvis.publishing;

import java.util.List;

/** The pre-publication checks of a post: errors block, warnings need an acknowledgement. */
public record CheckReport(List<CheckFinding> findings) {

    public CheckReport {
        findings = List.copyOf(findings);
    }

    public List<CheckFinding> errors() {
        return findings.stream().filter(CheckFinding::error).toList();
    }

    public List<CheckFinding> warnings() {
        return findings.stream().filter(f -> !f.error()).toList();
    }

    public List<CheckFinding> unacknowledgedWarnings() {
        return findings.stream().filter(f -> !f.error() && !f.acknowledged()).toList();
    }

    public boolean passes() {
        return errors().isEmpty() && unacknowledgedWarnings().isEmpty();
    }
}

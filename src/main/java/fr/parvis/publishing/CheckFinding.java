package fr.parvis.publishing;

import java.util.List;
import java.util.UUID;

/**
 * One result of the pre-publication checks.
 *
 * @param code stable identifier, the one a person acknowledges for a warning
 * @param accountId the account concerned, or {@code null} for the whole post
 * @param reference the rule's source shown to the user (RGAA criterion, article of the Code électoral…)
 * @param acknowledged whether a person accepted this warning (always {@code false} for errors)
 */
public record CheckFinding(String code, Severity severity, UUID accountId, String messageKey, List<Object> arguments,
        String reference, boolean acknowledged) {

    public CheckFinding {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** How a finding weighs. */
    public enum Severity {
        /** Blocks submission and publication. */
        ERROR,
        /** Needs an explicit, recorded acknowledgement. */
        WARNING
    }

    public boolean error() {
        return severity == Severity.ERROR;
    }
}

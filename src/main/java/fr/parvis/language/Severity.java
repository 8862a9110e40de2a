package fr.parvis.language;

/** How serious a {@link TextFinding} is: an error should block publication, a warning asks for a look. */
public enum Severity {
    ERROR,
    WARNING
}

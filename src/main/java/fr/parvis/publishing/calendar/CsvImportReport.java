package fr.parvis.publishing.calendar;

import java.util.List;

/**
 * The outcome of a CSV import.
 *
 * @param rows the data rows read (the header excluded)
 * @param valid the rows without error
 * @param imported the drafts created (0 when the file had errors and only valid rows were not asked for)
 */
public record CsvImportReport(int rows, int valid, int imported, List<Problem> problems) {

    public CsvImportReport {
        problems = List.copyOf(problems);
    }

    /** One error: the line of the file (1 = header), the column, a message key and its arguments. */
    public record Problem(int line, String column, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}

package fr.parvis.publishing.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar text rules (escaping, folding) and the CSV codec (quotes, BOM, encodings, formulas). */
class CalendarFormatsTests {

    @Test
    void textValuesAreEscaped() {
        assertThat(ICalendar.text("Conseil, salle; 2\\3\nsuite\r\nfin"))
                .isEqualTo("Conseil\\, salle\\; 2\\\\3\\nsuite\\nfin");
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String value = "é".repeat(100) + "x".repeat(40);
        List<String> lines = ICalendar.fold("SUMMARY:" + value);
        assertThat(lines).hasSizeGreaterThan(2);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            if (i > 0) {
                assertThat(lines.get(i)).startsWith(" ");
            }
        }
        String unfolded = String.join("", lines.stream().map(l -> l.startsWith(" ") ? l.substring(1) : l).toList());
        assertThat(unfolded).isEqualTo("SUMMARY:" + value);
        assertThat(new ICalendar().line("UID", "a@parvis").toString()).isEqualTo("UID:a@parvis\r\n");
        assertThat(ICalendar.utc(Instant.parse("2027-03-28T01:30:00Z"))).isEqualTo("20270328T013000Z");
    }

    @Test
    void csvIsQuotedWithABomAndFormulasAreNeutralised() {
        byte[] bytes = CalendarCsv.write(List.of(List.of("date", "message"),
                List.of("2026-12-01", "=HYPERLINK(\"x\")"), List.of("2026-12-02", "Dit \"bonjour\";\nsuite")));
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"Dit \"\"bonjour\"\";\nsuite\"");
        List<CalendarCsv.Row> rows = CalendarCsv.parse(CalendarCsv.decode(bytes));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cells().get(1)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CalendarCsv.unprotect(rows.get(1).cells().get(1))).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(rows.get(2).cells().get(1)).isEqualTo("Dit \"bonjour\";\nsuite");
        assertThat(rows.get(2).line()).isEqualTo(3);
        for (String dangerous : List.of("+1", "-1", "@SUM(A1)", "=1")) {
            assertThat(CalendarCsv.protect(dangerous)).startsWith("'");
        }
    }

    @Test
    void windows1252IsDetectedWhenTheBytesAreNotUtf8() {
        byte[] cp1252 = "message\nFête de l'été".getBytes(CalendarCsv.WINDOWS_1252);
        assertThat(CalendarCsv.decode(cp1252)).isEqualTo("message\nFête de l'été");
        byte[] utf8 = "message\nFête de l'été".getBytes(StandardCharsets.UTF_8);
        assertThat(CalendarCsv.decode(utf8)).isEqualTo("message\nFête de l'été");
    }

    @Test
    void unclosedQuotesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> CalendarCsv.parse("a;b\n\"x;y\n"))
                .isInstanceOfSatisfying(CalendarCsv.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void formulasDatesAndTimes() {
        assertThat(CalendarManagement.looksLikeFormula("=1+1")).isTrue();
        assertThat(CalendarManagement.looksLikeFormula("@SUM(A1:A2)")).isTrue();
        assertThat(CalendarManagement.looksLikeFormula("- une liste")).isFalse();
        assertThat(CalendarManagement.looksLikeFormula("@mairie bonjour")).isFalse();
        assertThat(CalendarManagement.parseDate("2027-03-28")).hasToString("2027-03-28");
        assertThat(CalendarManagement.parseDate("28/03/2027")).hasToString("2027-03-28");
        assertThat(CalendarManagement.parseDate("2027-02-30")).isNull();
        assertThat(CalendarManagement.parseTime("9:05")).hasToString("09:05");
        assertThat(CalendarManagement.parseTime("24:00")).isNull();
        assertThat(CalendarSecrets.looksLikeSecret(CalendarSecrets.generate())).isTrue();
    }
}

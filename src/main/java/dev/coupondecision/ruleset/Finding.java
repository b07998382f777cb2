package dev.coupondecision.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A problem found in a rule file, located the way its author sees the file: file, sheet and cell for a
 * spreadsheet; file, line and column for DRL. Errors block a ruleset; warnings do not. The message is for the
 * file's author; {@code detail}, when present, is what Drools said, for a developer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Severity severity, String file, String sheet, String cell, Integer line, Integer column,
                      String message, String detail) {

    public enum Severity { ERROR, WARNING }

    public static Finding inCell(Severity severity, String file, String sheet, String cell, String message) {
        return new Finding(severity, file, sheet, cell, null, null, message, null);
    }

    public static Finding inDrl(Severity severity, String file, Integer line, Integer column, String message) {
        return new Finding(severity, file, null, null, line, column, message, null);
    }

    /** A finding about a whole folder or set of files rather than one file's content. */
    public static Finding about(Severity severity, String what, String message) {
        return new Finding(severity, what, null, null, null, null, message, null);
    }

    public Finding withDetail(String detail) {
        return new Finding(severity, file, sheet, cell, line, column, message, detail);
    }

    /** Where the problem is, e.g. {@code coupons.xlsx › Coupons › F14} or {@code eligibility.drl:12:5}. */
    public String location() {
        if (sheet != null) {
            return file + " › " + sheet + (cell == null ? "" : " › " + cell);
        }
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column));
    }

    @Override
    public String toString() {
        return severity + " " + location() + ": " + message;
    }
}

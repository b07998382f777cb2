package dev.coupondecision.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A problem found in a rule file, located the way its author sees the file: file, sheet and cell for a
 * spreadsheet; file, line and column for DRL. Errors block a ruleset; warnings do not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Severity severity, String file, String sheet, String cell, Integer line, Integer column,
                      String message) {

    public enum Severity { ERROR, WARNING }

    public static Finding inCell(Severity severity, String file, String sheet, String cell, String message) {
        return new Finding(severity, file, sheet, cell, null, null, message);
    }

    public static Finding inDrl(Severity severity, String file, Integer line, Integer column, String message) {
        return new Finding(severity, file, null, null, line, column, message);
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

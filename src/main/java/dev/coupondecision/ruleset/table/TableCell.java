package dev.coupondecision.ruleset.table;

/**
 * A cell as the analyst typed it: its reference (e.g. {@code F14}), the text the rules see (a number without
 * its display format, a date as an ISO date, a formula as its cached result), and how it is stored (a number,
 * or text that may look like one).
 */
public record TableCell(String ref, String text, Kind kind, boolean percentFormatted) {

    /** How a cell is stored; FORMULA is a formula whose cached result is an error or missing. */
    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, FORMULA }

    static TableCell blank(String ref) {
        return new TableCell(ref, "", Kind.BLANK, false);
    }

    public boolean isBlank() {
        return kind == Kind.BLANK || text.isBlank();
    }
}

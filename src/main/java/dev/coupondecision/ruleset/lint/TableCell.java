package dev.coupondecision.ruleset.lint;

/**
 * A cell of a decision table as the analyst typed it: its reference (e.g. {@code F14}), the text Drools
 * reads from it, and how it is stored (a number, or text that may look like one).
 */
public record TableCell(String ref, String text, Kind kind, boolean percentFormatted) {

    public enum Kind { BLANK, TEXT, NUMBER, BOOLEAN, FORMULA }

    public boolean isBlank() {
        return kind == Kind.BLANK || text.isBlank();
    }
}

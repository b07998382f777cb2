package dev.coupondecision.ruleset;

/**
 * Where a compiled rule is written: a DRL file (sheet and cell null), or a spreadsheet's file, sheet and row (as
 * {@code row N}), so that a finding about the rule points where its author looks.
 */
public record RuleLocation(String file, String sheet, String cell) {

    public Finding finding(Finding.Severity severity, String message) {
        return sheet == null ? Finding.inDrl(severity, file, null, null, message)
                : Finding.inCell(severity, file, sheet, cell, message);
    }
}

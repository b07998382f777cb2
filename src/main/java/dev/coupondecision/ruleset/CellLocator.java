package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;
import org.apache.poi.ss.util.CellReference;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a message about generated DRL back to the spreadsheet cell it came from: the generated line gives the
 * row (Drools marks each rule with the row of its values and of its table's header), and the cell of that row
 * whose value appears in the offending line, or the column whose code the message names, gives the column. It
 * reads the workbook model the sheet was translated from, never the file again.
 */
final class CellLocator {
    private static final Pattern HEADER_AT = Pattern.compile("header at [A-Z]+(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(param|\\d+)");
    private static final Set<String> NOT_NAMES = Set.of("modify", "insert", "new", "true", "false", "null", "this",
            "forall");
    /** The first quoted part of a refusal: a name ('System'), a call ('getClass(...)'), an escape ('\\u0022'). */
    private static final Pattern QUOTED = Pattern.compile("'([^'(]+)");

    private CellLocator() {
    }

    /**
     * A part of a sheet's generated DRL that the code guard refused: at the code cell (object type or template)
     * of the table that contains the refused name, so that every rule row using that column yields the same
     * finding; else as any compile error (at the value cell of the rule's row that the line holds).
     */
    static Finding locateRefusal(TranslatedSheet sheet, Integer drlLine, String message) {
        Matcher quoted = QUOTED.matcher(message);
        if (drlLine != null && quoted.find()) {
            Optional<DecisionTable> table = tableOf(sheet, drlLine);
            String name = quoted.group(1);
            Pattern word = Pattern.compile((name.matches("[\\w$].*") ? "(?<![\\w$])" : "") + Pattern.quote(name)
                    + (name.matches(".*[\\w$]") ? "(?![\\w$])" : ""));
            // code templates first: an object type ($c : Customer) names the variables a template uses
            Optional<TableCell> code = table.stream().flatMap(t -> java.util.stream.Stream.concat(
                            t.columns().stream().map(DecisionTable.Column::code),
                            t.columns().stream().map(DecisionTable.Column::objectType)))
                    .filter(cell -> word.matcher(cell.text()).find()).findFirst();
            if (code.isPresent()) {
                return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), code.get().ref(), message);
            }
        }
        return locate(sheet, drlLine, message);
    }

    static Finding locate(TranslatedSheet sheet, Integer drlLine, String message) {
        Integer row = drlLine == null ? null : sheet.rowOfDrlLine(drlLine);
        String offending = drlLine == null ? "" : sheet.drlLine(drlLine);
        String optionCell = optionCellNamedIn(sheet, offending, message);
        if (optionCell != null) {
            // An import or the RuleSet name: every rule of the sheet fails the same way, so one finding at the
            // option's cell (identical messages collapse into it) says more than one per rule row.
            return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), optionCell, message);
        }
        if (row == null) {
            return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), null,
                    "in the table header: " + message);
        }
        String cell = null;
        if (offending.trim().startsWith("rule ")) {
            // Java compile errors in a consequence carry the line of the rule, not of its statement: the
            // method or variable the message names leads to the column whose code template uses it.
            cell = cellOfTemplateNamedIn(sheet, drlLine, row, message);
        }
        if (cell == null) {
            cell = cellWithValueIn(sheet, row, offending + "\n" + message);
        }
        String detail = message + (offending.isBlank() ? "" : " (generated: " + offending.trim() + ")");
        return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), cell == null ? "row " + row : cell,
                columnTitled(sheet, drlLine, cell).map(title -> "column '" + title + "', row " + row + ": ")
                        .orElse("row " + row + ": ") + CompileErrorWording.plain(message)).withDetail(detail);
    }

    /** The title analysts see above the column of {@code cell}, e.g. "Valid hours". */
    private static Optional<String> columnTitled(TranslatedSheet sheet, int drlLine, String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        int column = new CellReference(cell).getCol();
        return tableOf(sheet, drlLine).flatMap(table -> table.columns().stream()
                .filter(c -> new CellReference(c.kind().ref()).getCol() == column).findFirst())
                .map(DecisionTable.Column::label);
    }

    /**
     * The value cell of the sheet's Import option when the message names one of its imports (Drools reports a
     * class it cannot import in the header and again in every rule), or of the RuleSet option when the error is
     * on the generated package line; null otherwise.
     */
    private static String optionCellNamedIn(TranslatedSheet sheet, String offending, String message) {
        List<DecisionTable> tables = sheet.source().tables();
        if (tables.isEmpty()) {
            return null;
        }
        DecisionTable table = tables.get(0);
        String ruleSetValue = null;
        for (TableCell key : table.optionKeys()) {
            TableCell value = table.options().get(key.ref());
            String name = key.text().trim();
            if (value == null) {
                continue;
            }
            if (name.equalsIgnoreCase("RuleSet") && ruleSetValue == null) {
                ruleSetValue = value.ref();
            }
            if (name.equalsIgnoreCase("Import")) {
                for (String imported : value.text().split(",")) {
                    String importName = imported.trim();
                    if (!importName.isEmpty() && !importName.endsWith("*") && Pattern.compile("(?<![\\w.])"
                            + Pattern.quote(importName) + "(?![\\w])").matcher(message).find()) {
                        return value.ref();
                    }
                }
            }
        }
        return offending.trim().startsWith("package ") ? ruleSetValue : null;
    }

    /**
     * The cell of rule row {@code rowNumber} in the one column whose code template uses an identifier the
     * message names; null when no column or more than one does.
     */
    private static String cellOfTemplateNamedIn(TranslatedSheet sheet, int drlLine, int rowNumber, String message) {
        Optional<DecisionTable> table = tableOf(sheet, drlLine);
        if (table.isEmpty()) {
            return null;
        }
        DecisionTable.Column best = null;
        int bestLength = 0;
        boolean tie = false;
        for (DecisionTable.Column column : table.get().columns()) {
            int length = longestIdentifierNamedIn(column.template(), message);
            if (length > bestLength) {
                best = column;
                bestLength = length;
                tie = false;
            } else if (length > 0 && length == bestLength) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null;
        }
        return new CellReference(rowNumber - 1, new CellReference(best.code().ref()).getCol()).formatAsString(false);
    }

    /** The table whose rule holds a generated line: Drools names its header cell above each rule. */
    private static Optional<DecisionTable> tableOf(TranslatedSheet sheet, int drlLine) {
        Integer header = null;
        for (TranslatedSheet.RowMarker marker : sheet.rowMarkers()) {
            if (marker.drlLine() <= drlLine) {
                Matcher matcher = HEADER_AT.matcher(sheet.drlLine(marker.drlLine()));
                header = matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
            }
        }
        Integer headerRow = header;
        return headerRow == null ? Optional.empty()
                : sheet.source().tables().stream().filter(t -> t.headerRow() == headerRow).findFirst();
    }

    private static int longestIdentifierNamedIn(String template, String message) {
        int longest = 0;
        Matcher identifiers = IDENTIFIER.matcher(template);
        while (identifiers.find()) {
            String name = identifiers.group();
            if (name.length() > longest && !NOT_NAMES.contains(name) && !PLACEHOLDER.matcher(name).matches()
                    && Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(message).find()) {
                longest = name.length();
            }
        }
        return longest;
    }

    private static String cellWithValueIn(TranslatedSheet sheet, int rowNumber, String text) {
        TableCell best = null;
        int bestLength = 0;
        for (TableCell cell : sheet.source().grid().row(rowNumber - 1)) {
            String value = cell.text().trim();
            if (value.length() > bestLength && text.contains(value)) {
                best = cell;
                bestLength = value.length();
            }
        }
        return best == null ? null : best.ref();
    }
}

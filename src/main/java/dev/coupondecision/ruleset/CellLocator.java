package dev.coupondecision.ruleset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Drools compiler message about generated DRL back to the spreadsheet cell it came from: the
 * generated line gives the row (Drools marks each rule with the row of its values), and the cell of that
 * row whose value appears in the offending line gives the column.
 */
final class CellLocator {
    private static final DataFormatter FORMATTER = new DataFormatter();
    private static final Pattern HEADER_AT = Pattern.compile("header at [A-Z]+(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(param|\\d+)");
    private static final Set<String> NOT_NAMES = Set.of("modify", "insert", "new", "true", "false", "null", "this",
            "forall");

    private CellLocator() {
    }

    /** The first quoted part of a refusal: a name ('System'), a call ('getClass(...)'), an escape ('\\u0022'). */
    private static final Pattern QUOTED = Pattern.compile("'([^'(]+)");

    /**
     * A part of a sheet's generated DRL that the code guard refused: at the code cell (object type or template)
     * of the table that contains the refused name, so that every rule row using that column yields the same
     * finding; else as any compile error (at the value cell of the rule's row that the line holds).
     */
    static Finding locateRefusal(TranslatedSheet sheet, Integer drlLine, String message) {
        Matcher quoted = QUOTED.matcher(message);
        Integer row = drlLine == null ? null : sheet.rowOfDrlLine(drlLine);
        if (quoted.find() && row != null) {
            String cell = codeCellNaming(sheet, drlLine, quoted.group(1));
            if (cell != null) {
                return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), cell, message);
            }
        }
        return locate(sheet, drlLine, message);
    }

    /** The object-type or code cell of the table that holds the rule at {@code drlLine} and names {@code name}. */
    private static String codeCellNaming(TranslatedSheet sheet, int drlLine, String name) {
        Integer headerRow = headerRowOf(sheet, drlLine);
        if (headerRow == null) {
            return null;
        }
        Pattern word = Pattern.compile((name.matches("[\\w$].*") ? "(?<![\\w$])" : "") + Pattern.quote(name)
                + (name.matches(".*[\\w$]") ? "(?![\\w$])" : ""));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet.workbook().content()))) {
            Sheet worksheet = workbook.getSheet(sheet.sheet());
            for (int offset : new int[]{3, 2}) {
                Row codeRow = worksheet == null ? null : worksheet.getRow(headerRow - 1 + offset);
                for (Cell cell : codeRow == null ? List.<Cell>of() : (Iterable<Cell>) codeRow) {
                    if (word.matcher(FORMATTER.formatCellValue(cell)).find()) {
                        return new CellReference(cell).formatAsString(false);
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Finding locate(TranslatedSheet sheet, Integer drlLine, String message) {
        Integer row = drlLine == null ? null : sheet.rowOfDrlLine(drlLine);
        String optionCell = optionCellNamedIn(sheet, drlLine == null ? "" : sheet.drlLine(drlLine), message);
        if (optionCell != null) {
            // An import or the RuleSet name: every rule of the sheet fails the same way, so one finding at the
            // option's cell (identical messages collapse into it) says more than one per rule row.
            return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), optionCell, message);
        }
        if (row == null) {
            return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), null,
                    "in the table header: " + message);
        }
        String offending = sheet.drlLine(drlLine);
        String cell = null;
        if (offending.trim().startsWith("rule ")) {
            // Java compile errors in a consequence carry the line of the rule, not of its statement: the
            // method or variable the message names leads to the column whose code template uses it.
            cell = cellOfTemplateNamedIn(sheet, drlLine, row, message);
        }
        if (cell == null) {
            cell = cellWithValueIn(sheet, row, offending + "\n" + message);
        }
        return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), cell == null ? "row " + row : cell,
                message + (offending.isBlank() ? "" : " (generated: " + offending.trim() + ")"));
    }

    /**
     * The value cell of the sheet's Import option when the message names one of its imports (Drools reports a
     * class it cannot import in the header and again in every rule), or of the RuleSet option when the error is
     * on the generated package line; null otherwise.
     */
    private static String optionCellNamedIn(TranslatedSheet sheet, String offending, String message) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet.workbook().content()))) {
            Sheet worksheet = workbook.getSheet(sheet.sheet());
            if (worksheet == null) {
                return null;
            }
            String ruleSetValue = null;
            for (Row row : worksheet) {
                List<Cell> cells = new ArrayList<>();
                for (Cell cell : row) {
                    if (!FORMATTER.formatCellValue(cell).isBlank()) {
                        cells.add(cell);
                    }
                }
                if (cells.size() < 2) {
                    continue;
                }
                String key = FORMATTER.formatCellValue(cells.get(0)).trim();
                Cell value = cells.get(1);
                if (key.equalsIgnoreCase("RuleSet") && ruleSetValue == null) {
                    ruleSetValue = new CellReference(value).formatAsString(false);
                }
                if (key.equalsIgnoreCase("Import")) {
                    for (String imported : FORMATTER.formatCellValue(value).split(",")) {
                        String name = imported.trim();
                        if (!name.isEmpty() && !name.endsWith("*") && Pattern.compile("(?<![\\w.])" + Pattern.quote(name)
                                + "(?![\\w])").matcher(message).find()) {
                            return new CellReference(value).formatAsString(false);
                        }
                    }
                }
            }
            return offending.trim().startsWith("package ") ? ruleSetValue : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The cell of rule row {@code rowNumber} in the one column whose code template (the row three below the
     * "RuleTable" header Drools names in its "// rule values at A12, header at A7" comment) uses an identifier
     * the message names; null when no column or more than one does.
     */
    private static String cellOfTemplateNamedIn(TranslatedSheet sheet, int drlLine, int rowNumber, String message) {
        Integer headerRow = headerRowOf(sheet, drlLine);
        if (headerRow == null) {
            return null;
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet.workbook().content()))) {
            Sheet worksheet = workbook.getSheet(sheet.sheet());
            Row codeRow = worksheet == null ? null : worksheet.getRow(headerRow - 1 + 3);
            if (codeRow == null) {
                return null;
            }
            Integer bestColumn = null;
            int bestLength = 0;
            boolean tie = false;
            for (Cell cell : codeRow) {
                int length = longestIdentifierNamedIn(FORMATTER.formatCellValue(cell), message);
                if (length > bestLength) {
                    bestColumn = cell.getColumnIndex();
                    bestLength = length;
                    tie = false;
                } else if (length > 0 && length == bestLength) {
                    tie = true;
                }
            }
            return bestColumn == null || tie ? null
                    : new CellReference(rowNumber - 1, bestColumn).formatAsString(false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer headerRowOf(TranslatedSheet sheet, int drlLine) {
        Integer header = null;
        for (TranslatedSheet.RowMarker marker : sheet.rowMarkers()) {
            if (marker.drlLine() <= drlLine) {
                Matcher matcher = HEADER_AT.matcher(sheet.drlLine(marker.drlLine()));
                header = matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
            }
        }
        return header;
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
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet.workbook().content()))) {
            Sheet worksheet = workbook.getSheet(sheet.sheet());
            Row row = worksheet == null ? null : worksheet.getRow(rowNumber - 1);
            if (row == null) {
                return null;
            }
            Cell best = null;
            int bestLength = 0;
            for (Cell cell : row) {
                String value = FORMATTER.formatCellValue(cell).trim();
                if (value.length() > bestLength && text.contains(value)) {
                    best = cell;
                    bestLength = value.length();
                }
            }
            return best == null ? null : new CellReference(best).formatAsString(false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

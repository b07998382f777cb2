package dev.coupondecision.ruleset.lint;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the RuleSet and RuleTable blocks of a workbook the way Drools lays them out (options in two
 * columns under RuleSet; under "RuleTable name": kind, object type, code and title rows, then rule rows
 * until the first blank row).
 */
public final class DecisionTableReader {
    private static final DataFormatter FORMATTER = new DataFormatter();

    private DecisionTableReader() {
    }

    public static List<DecisionTable> read(String file, byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<DecisionTable> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                tables.addAll(readSheet(file, sheet));
            }
            return tables;
        }
    }

    /**
     * Drools reads every non-blank row of a rule sheet that lies outside its rule tables as a RuleSet option
     * (first non-blank cell: the key; the next non-blank cell to its right: the value), wherever it is: above
     * the first table, or below a table after its blank row. So options are collected from the whole sheet
     * and every table of the sheet sees all of them. Outside the RuleSet block (the rows from "RuleSet" down
     * to the first table) only rows whose key Drools interprets count; other rows there are notes.
     */
    private static List<DecisionTable> readSheet(String file, Sheet sheet) {
        List<int[]> tableStarts = new ArrayList<>();
        Map<String, TableCell> options = new LinkedHashMap<>();
        List<TableCell> optionKeys = new ArrayList<>();
        boolean inRuleSet = false;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Integer first = firstNonBlank(row);
            if (first == null) {
                continue;
            }
            String head = text(row.getCell(first)).trim();
            if (head.regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) {
                tableStarts.add(new int[]{r, first});
                r = lastRowOfTable(sheet, r, first);
                inRuleSet = false;
                continue;
            }
            if (head.equalsIgnoreCase("RuleSet")) {
                inRuleSet = true;
            }
            if (inRuleSet || DROOLS_PROPERTY_KEYS.contains(head.toUpperCase())) {
                TableCell key = cell(sheet, r, first);
                optionKeys.add(key);
                options.put(key.ref(), valueRightOf(sheet, r, first));
            }
        }
        List<DecisionTable> tables = new ArrayList<>();
        for (int[] start : tableStarts) {
            tables.add(readTable(file, sheet, start[0], start[1], options, optionKeys));
        }
        return tables;
    }

    /** RuleSet option keys and rule attributes that Drools reads from the rows outside rule tables. */
    private static final Set<String> DROOLS_PROPERTY_KEYS = Set.of("RULESET", "IMPORT", "VARIABLES", "FUNCTIONS",
            "QUERIES", "DECLARE", "SEQUENTIAL", "SEQUENTIALMAXPRIORITY", "SEQUENTIALMINPRIORITY", "ESCAPEQUOTES",
            "NUMERICDISABLED", "IGNORENUMERICFORMAT", "DIALECT", "PRIORITY", "SALIENCE", "DURATION", "TIMER",
            "ENABLED", "CALENDARS", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP", "AGENDA-GROUP",
            "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES");

    /** The value Drools takes for the option keyed at (row, keyColumn): the next non-blank cell to its right. */
    private static TableCell valueRightOf(Sheet sheet, int rowIndex, int keyColumn) {
        Row row = sheet.getRow(rowIndex);
        for (int c = keyColumn + 1; row != null && c < row.getLastCellNum(); c++) {
            TableCell value = cell(sheet, rowIndex, c);
            if (!value.isBlank()) {
                return value;
            }
        }
        return cell(sheet, rowIndex, keyColumn + 1);
    }

    /** The 0-based index of the last row of the table headed at {@code headerRow} (its last rule row). */
    private static int lastRowOfTable(Sheet sheet, int headerRow, int firstColumn) {
        DecisionTable table = readTable("", sheet, headerRow, firstColumn, Map.of(), List.of());
        return table.rows().isEmpty() ? headerRow + 4 : table.rows().get(table.rows().size() - 1).number() - 1;
    }

    private static DecisionTable readTable(String file, Sheet sheet, int headerRow, int firstColumn,
                                           Map<String, TableCell> options, List<TableCell> optionKeys) {
        Row kinds = sheet.getRow(headerRow + 1);
        List<DecisionTable.Column> columns = new ArrayList<>();
        int lastColumn = kinds == null ? -1 : kinds.getLastCellNum() - 1;
        for (int c = firstColumn; c <= lastColumn; c++) {
            TableCell kind = cell(sheet, headerRow + 1, c);
            if (kind.isBlank()) {
                continue;
            }
            columns.add(new DecisionTable.Column(c - firstColumn, kind, cell(sheet, headerRow + 2, c),
                    cell(sheet, headerRow + 3, c), cell(sheet, headerRow + 4, c)));
        }
        List<DecisionTable.RuleRow> rows = new ArrayList<>();
        int lastIndex = columns.isEmpty() ? 0 : columns.get(columns.size() - 1).index();
        for (int r = headerRow + 5; r <= sheet.getLastRowNum(); r++) {
            List<TableCell> cells = new ArrayList<>();
            boolean any = false;
            for (int c = firstColumn; c <= firstColumn + lastIndex; c++) {
                TableCell cell = cell(sheet, r, c);
                any |= !cell.isBlank();
                cells.add(cell);
            }
            if (!any) {
                break;
            }
            rows.add(new DecisionTable.RuleRow(r + 1, cells));
        }
        return new DecisionTable(file, sheet.getSheetName(), options, optionKeys, columns, rows);
    }

    private static Integer firstNonBlank(Row row) {
        if (row == null) {
            return null;
        }
        for (Cell cell : row) {
            if (!text(cell).isBlank()) {
                return cell.getColumnIndex();
            }
        }
        return null;
    }

    static TableCell cell(Sheet sheet, int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex);
        Cell cell = row == null ? null : row.getCell(column);
        String ref = new CellReference(rowIndex, column).formatAsString(false);
        if (cell == null) {
            return new TableCell(ref, "", TableCell.Kind.BLANK, false);
        }
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        return new TableCell(ref, text(cell), kind(cell), format != null && format.contains("%"));
    }

    private static TableCell.Kind kind(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> TableCell.Kind.NUMBER;
            case STRING -> cell.getStringCellValue().isEmpty() ? TableCell.Kind.BLANK : TableCell.Kind.TEXT;
            case BOOLEAN -> TableCell.Kind.BOOLEAN;
            case BLANK -> TableCell.Kind.BLANK;
            default -> TableCell.Kind.FORMULA;
        };
    }

    /** The text Drools sees: numbers without their display format (15% reads 0.15), text as typed. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return FORMATTER.formatCellValue(cell);
    }
}

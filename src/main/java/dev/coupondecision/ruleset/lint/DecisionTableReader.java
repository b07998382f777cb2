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

    private static List<DecisionTable> readSheet(String file, Sheet sheet) {
        Map<String, TableCell> options = new LinkedHashMap<>();
        List<TableCell> optionKeys = new ArrayList<>();
        List<DecisionTable> tables = new ArrayList<>();
        boolean inRuleSet = false;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Integer first = firstNonBlank(row);
            if (first == null) {
                continue;
            }
            String head = text(row.getCell(first)).trim();
            if (head.equalsIgnoreCase("RuleSet")) {
                inRuleSet = true;
            } else if (head.regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) {
                DecisionTable table = readTable(file, sheet, r, first, options, optionKeys);
                tables.add(table);
                r = table.rows().isEmpty() ? r + 4 : table.rows().get(table.rows().size() - 1).number() - 1;
                inRuleSet = false;
                continue;
            }
            if (inRuleSet) {
                TableCell key = cell(sheet, r, first);
                optionKeys.add(key);
                options.put(key.text().trim(), cell(sheet, r, first + 1));
            }
        }
        return tables;
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

package dev.coupondecision.ruleset.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of decision-table workbooks. It reads each cell once, the same way whatever program saved the
 * file (Excel, LibreOffice, openpyxl, Google Sheets): a number as its plain value (15% reads 0.15, never
 * "15%" or "1.5E1"), a date as an ISO date, a formula as its cached result (it is never evaluated), a shared or
 * inline string as its text, and every cell of a merged region as the region's value, also where the writer
 * left the region's other cells out.
 */
public final class WorkbookReader {
    private WorkbookReader() {
    }

    /**
     * Reads a workbook whose size was checked with {@link WorkbookLimits}.
     *
     * @throws UnreadableWorkbookException when the bytes are not a workbook POI can open
     */
    public static TableWorkbook read(String file, byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<TableWorkbook.Sheet> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                SheetGrid grid = grid(sheet);
                boolean ruleSheet = TableLayout.isRuleSheet(grid);
                sheets.add(new TableWorkbook.Sheet(grid, ruleSheet, ruleSheet ? TableLayout.tables(file, grid) : List.of()));
            }
            return new TableWorkbook(file, sheets);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException("not a readable .xlsx workbook: " + rootMessage(e), e);
        }
    }

    private static SheetGrid grid(Sheet sheet) {
        List<int[]> merged = new ArrayList<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            merged.add(new int[]{region.getFirstRow(), region.getLastRow(), region.getFirstColumn(), region.getLastColumn()});
        }
        List<List<TableCell>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            int width = row == null ? 0 : Math.max(row.getLastCellNum(), 0);
            for (int[] region : merged) {
                if (r >= region[0] && r <= region[1]) {
                    width = Math.max(width, region[3] + 1);
                }
            }
            List<TableCell> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cells.add(cellAt(sheet, r, c, merged));
            }
            rows.add(cells);
        }
        return new SheetGrid(sheet.getSheetName(), rows, merged);
    }

    /** A cell; inside a merged region the region's first cell is read, with this cell's reference. */
    private static TableCell cellAt(Sheet sheet, int row, int column, List<int[]> merged) {
        String ref = new CellReference(row, column).formatAsString(false);
        int sourceRow = row;
        int sourceColumn = column;
        for (int[] region : merged) {
            if (row >= region[0] && row <= region[1] && column >= region[2] && column <= region[3]) {
                sourceRow = region[0];
                sourceColumn = region[2];
            }
        }
        Row source = sheet.getRow(sourceRow);
        Cell cell = source == null ? null : source.getCell(sourceColumn);
        return cell == null ? TableCell.blank(ref) : read(cell, ref);
    }

    private static TableCell read(Cell cell, String ref) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        boolean percent = format != null && format.contains("%");
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? new TableCell(ref, isoDate(cell.getLocalDateTimeCellValue()), TableCell.Kind.DATE, false)
                    : new TableCell(ref, BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString(),
                    TableCell.Kind.NUMBER, percent);
            case STRING -> {
                String text = cell.getStringCellValue();
                yield new TableCell(ref, text, text.isEmpty() ? TableCell.Kind.BLANK : TableCell.Kind.TEXT, percent);
            }
            case BOOLEAN -> new TableCell(ref, cell.getBooleanCellValue() ? "true" : "false", TableCell.Kind.BOOLEAN, false);
            case BLANK -> TableCell.blank(ref);
            case ERROR -> new TableCell(ref, FormulaError.forInt(cell.getErrorCellValue()).getString(), TableCell.Kind.FORMULA, false);
            default -> new TableCell(ref, "", TableCell.Kind.FORMULA, false);
        };
    }

    /** A date as 2026-12-01, or with its time of day when it has one (2026-12-01T09:30). */
    private static String isoDate(LocalDateTime value) {
        return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

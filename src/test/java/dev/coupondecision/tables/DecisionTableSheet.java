package dev.coupondecision.tables;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one sheet in Drools' decision-table layout with Apache POI: the RuleSet header, then a RuleTable
 * with its column-kind row, object-type row (merged over the columns sharing a pattern), code row, the
 * analysts' column titles, and one row per rule. For tests that need a table of their own shape.
 */
public final class DecisionTableSheet {

    /** A column of the rule table: its kind (NAME, CONDITION, ACTION), object type, code and title. */
    public record Column(String kind, String objectType, String code, String title) {
    }

    private final String sheetName;
    private final List<String[]> ruleSetOptions = new ArrayList<>();
    private final String tableName;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    public DecisionTableSheet(String sheetName, String ruleSetPackage, String tableName) {
        this.sheetName = sheetName;
        this.tableName = tableName;
        ruleSetOptions.add(new String[]{"RuleSet", ruleSetPackage});
    }

    public DecisionTableSheet option(String key, String value) {
        ruleSetOptions.add(new String[]{key, value});
        return this;
    }

    public DecisionTableSheet column(String kind, String objectType, String code, String title) {
        columns.add(new Column(kind, objectType, code, title));
        return this;
    }

    /** A rule row: one value per column; null leaves the cell blank. Numbers become numeric cells. */
    public DecisionTableSheet row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    /** This sheet alone as the bytes of an XLSX workbook. */
    public byte[] toWorkbook() {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            writeTo(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void writeTo(Workbook workbook) {
        Sheet sheet = workbook.createSheet(sheetName);
        CellStyle bold = boldStyle(workbook);
        int r = 0;
        for (String[] option : ruleSetOptions) {
            Row row = sheet.createRow(r++);
            text(row, 0, option[0]).setCellStyle(bold);
            text(row, 1, option[1]);
        }
        r++;
        text(sheet.createRow(r++), 0, "RuleTable " + tableName).setCellStyle(bold);
        Row kinds = sheet.createRow(r++);
        Row objectTypes = sheet.createRow(r++);
        Row code = sheet.createRow(r++);
        Row titles = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            text(kinds, c, column.kind()).setCellStyle(bold);
            text(objectTypes, c, column.objectType() == null ? "" : column.objectType());
            text(code, c, column.code() == null ? "" : column.code());
            text(titles, c, column.title()).setCellStyle(bold);
        }
        mergeSharedObjectTypes(sheet, objectTypes);
        for (Object[] values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (values[c] != null) {
                    text(row, c, values[c].toString());
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, 30 * 256);
        }
    }

    /** Consecutive condition columns with the same object type share one merged object-type cell. */
    private void mergeSharedObjectTypes(Sheet sheet, Row objectTypes) {
        int c = 0;
        while (c < columns.size()) {
            int end = c;
            String type = columns.get(c).objectType();
            while (type != null && !type.isEmpty() && "CONDITION".equals(columns.get(c).kind())
                    && end + 1 < columns.size() && "CONDITION".equals(columns.get(end + 1).kind())
                    && type.equals(columns.get(end + 1).objectType())) {
                end++;
            }
            if (end > c) {
                for (int blank = c + 1; blank <= end; blank++) {
                    text(objectTypes, blank, "");
                }
                objectTypes.getCell(c).setCellValue(type);
                sheet.addMergedRegion(new CellRangeAddress(objectTypes.getRowNum(), objectTypes.getRowNum(), c, end));
            }
            c = end + 1;
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    private static CellStyle boldStyle(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}

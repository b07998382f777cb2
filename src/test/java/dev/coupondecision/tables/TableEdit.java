package dev.coupondecision.tables;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Edits a real XLSX file the way an analyst does in a spreadsheet program: open it, change cells of its rule
 * sheet, save it over the original. Cell references are the ones the analyst sees ({@code B13}).
 */
public final class TableEdit {
    private final Sheet sheet;

    private TableEdit(Sheet sheet) {
        this.sheet = sheet;
    }

    /** Opens {@code xlsx}, applies {@code change} to its first sheet and saves it in place. */
    public static void edit(Path xlsx, Consumer<TableEdit> change) {
        try {
            Files.write(xlsx, edited(Files.readAllBytes(xlsx), change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@code workbook} with {@code change} applied to its first sheet. */
    public static byte[] edited(byte[] workbook, Consumer<TableEdit> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(new TableEdit(book.getSheetAt(0)));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes of {@code xlsx} with one cell set, found the way an analyst reads the table: the row by its
     * rule name (column A), the column by its title.
     */
    public static byte[] setCell(Path xlsx, String rule, String title, Object value) {
        try {
            return edited(Files.readAllBytes(xlsx), table -> table.set(table.refOf(rule, title), value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference (e.g. {@code G19}) of the cell in the row named {@code rule} and the column titled {@code title}. */
    public String refOf(String rule, String title) {
        DataFormatter formatter = new DataFormatter();
        Integer rowIndex = null;
        Integer column = null;
        for (Row row : sheet) {
            if (rowIndex == null && rule.equals(formatter.formatCellValue(row.getCell(0)))) {
                rowIndex = row.getRowNum();
            }
            for (Cell cell : row) {
                if (column == null && title.equals(formatter.formatCellValue(cell))) {
                    column = cell.getColumnIndex();
                }
            }
        }
        if (rowIndex == null || column == null) {
            throw new IllegalArgumentException("no cell for rule '" + rule + "' and column '" + title + "'");
        }
        return new CellReference(rowIndex, column).formatAsString(false);
    }

    /** Types {@code value} into the cell: a number as a number, anything else as text; null clears it. */
    public TableEdit set(String ref, Object value) {
        Cell cell = cell(ref);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
        return this;
    }

    /** Types a number into a cell formatted as a percentage ({@code 0%}), as Excel does when one types 15%. */
    public TableEdit setPercent(String ref, double fraction) {
        Cell cell = cell(ref);
        CellStyle percent = sheet.getWorkbook().createCellStyle();
        percent.cloneStyleFrom(cell.getCellStyle());
        percent.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0%"));
        cell.setCellStyle(percent);
        cell.setCellValue(fraction);
        return this;
    }

    /** Deletes spreadsheet row {@code rowNumber} (1-based) and moves the rows below it up, like "Delete row". */
    public TableEdit deleteRow(int rowNumber) {
        int index = rowNumber - 1;
        Row row = sheet.getRow(index);
        if (row != null) {
            sheet.removeRow(row);
        }
        if (index < sheet.getLastRowNum()) {
            sheet.shiftRows(index + 1, sheet.getLastRowNum(), -1);
        }
        return this;
    }

    /** The text of a cell as stored (numbers as Java prints them), or "" when blank. */
    public String text(String ref) {
        CellReference at = new CellReference(ref);
        Row row = sheet.getRow(at.getRow());
        Cell cell = row == null ? null : row.getCell(at.getCol());
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    private Cell cell(String ref) {
        CellReference at = new CellReference(ref);
        Row row = sheet.getRow(at.getRow());
        if (row == null) {
            row = sheet.createRow(at.getRow());
        }
        Cell cell = row.getCell(at.getCol());
        if (cell == null) {
            cell = row.createCell(at.getCol());
            Cell left = at.getCol() > 0 ? row.getCell(at.getCol() - 1) : null;
            if (left != null) {
                cell.setCellStyle(left.getCellStyle());
            }
        }
        return cell;
    }
}

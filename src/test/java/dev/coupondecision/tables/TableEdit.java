package dev.coupondecision.tables;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Edits one cell of a copy of a real workbook with Apache POI, the way an analyst would in a spreadsheet
 * program: the row is found by its rule name (column A), the column by its title.
 */
public final class TableEdit {
    private static final DataFormatter FORMATTER = new DataFormatter();

    private TableEdit() {
    }

    /** The bytes of {@code xlsx} with the cell at (row named {@code rule}, column titled {@code title}) set. */
    public static byte[] setCell(Path xlsx, String rule, String title, Object value) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(xlsx)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            Row row = rowNamed(sheet, rule);
            Cell cell = row.getCell(columnTitled(sheet, title), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row rowNamed(Sheet sheet, String rule) {
        for (Row row : sheet) {
            if (rule.equals(FORMATTER.formatCellValue(row.getCell(0)))) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row named " + rule);
    }

    private static int columnTitled(Sheet sheet, String title) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (title.equals(FORMATTER.formatCellValue(cell))) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("no column titled " + title);
    }
}

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

/**
 * Maps a Drools compiler message about generated DRL back to the spreadsheet cell it came from: the
 * generated line gives the row (Drools marks each rule with the row of its values), and the cell of that
 * row whose value appears in the offending line gives the column.
 */
final class CellLocator {
    private static final DataFormatter FORMATTER = new DataFormatter();

    private CellLocator() {
    }

    static Finding locate(TranslatedSheet sheet, Integer drlLine, String message) {
        Integer row = drlLine == null ? null : sheet.rowOfDrlLine(drlLine);
        if (row == null) {
            return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), null,
                    "in the table header: " + message);
        }
        String offending = sheet.drlLine(drlLine);
        String cell = cellWithValueIn(sheet, row, offending + "\n" + message);
        return Finding.inCell(Finding.Severity.ERROR, sheet.file(), sheet.sheet(), cell == null ? "row " + row : cell,
                message + (offending.isBlank() ? "" : " (generated: " + offending.trim() + ")"));
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

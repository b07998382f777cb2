package dev.coupondecision.ruleset.format;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.List;

/** The "How to edit" sheet: how the tables of a workbook work and what goes in each column, in plain words. */
final class HowToEdit {

    record Table(String sheet, int rules, List<Column> columns) {
    }

    record Column(String title, String expected) {
    }

    private HowToEdit() {
    }

    static void write(XSSFWorkbook workbook, String file, List<Table> tables, Styles styles) {
        int existing = workbook.getSheetIndex(WorkbookFormatter.HOW_TO_SHEET);
        if (existing >= 0) {
            workbook.removeSheetAt(existing);
        }
        if (tables.isEmpty()) {
            return;
        }
        XSSFSheet sheet = workbook.createSheet(WorkbookFormatter.HOW_TO_SHEET);
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"How to edit " + file});
        lines.add(new String[]{""});
        lines.add(new String[]{"Each row under the blue titles is one rule. Rows are tried from top to bottom and the"
                + " first row that matches a customer decides, so put specific rows above general ones."});
        lines.add(new String[]{"Type only in the white cells. An empty condition cell means: do not test this (it"
                + " matches every customer). A dropdown or a prompt shows what each column takes."});
        lines.add(new String[]{"To add a rule, insert a row inside the table (or use the free rows under it) and"
                + " give it a name no other row has. An empty row ends the table."});
        lines.add(new String[]{"The grey rows folded away above the titles (+ on the left) hold the rule code that"
                + " developers maintain; they are locked. Sheet protection has no password: it only guards against"
                + " typing into the wrong cell."});
        lines.add(new String[]{"Before you ship a change: bin/rules validate --update-scenarios (Windows:"
                + " bin\\rules.cmd validate --update-scenarios). It checks the tables as the service will, shows which"
                + " customers the change moves, and updates the scenarios that pinned the old values; commit the"
                + " tables and the scenarios together. See docs/changing-a-table.md."});
        for (Table table : tables) {
            lines.add(new String[]{""});
            lines.add(new String[]{"Sheet " + table.sheet() + " (" + table.rules() + " rules): columns"});
            for (Column column : table.columns()) {
                lines.add(new String[]{column.title(), column.expected()});
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            String[] line = lines.get(i);
            boolean heading = i == 0 || line[0].startsWith("Sheet ");
            XSSFCellStyle style = heading ? styles.heading() : styles.paragraph();
            for (int c = 0; c < line.length; c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(line[c]);
                cell.setCellStyle(style);
            }
            if (line.length == 1 && !line[0].isEmpty() && !heading) {
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(i, i, 0, 1));
                row.setHeightInPoints(Math.max(1, (int) Math.ceil(line[0].length() / 115.0)) * 15f + 2f);
            }
        }
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
    }
}

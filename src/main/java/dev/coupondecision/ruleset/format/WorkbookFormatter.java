package dev.coupondecision.ruleset.format;

import dev.coupondecision.ruleset.lint.ColumnExpectation;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays a decision-table workbook out for the analysts who edit it, without changing a value Drools reads: the
 * developer rows (the RuleSet options, the column kinds, object types and rule code) are grouped, folded away and
 * locked; the titles and the rule rows are styled, sized and aligned alike (numbers right, with number formats);
 * every column the linter constrains gets a dropdown or a number check and a prompt saying what goes in; the sheet is
 * protected so that only rule cells can be typed in while rows can still be inserted and deleted; and a "How to
 * edit" sheet explains the table. Formatting is idempotent: a formatted workbook formats to the same layout.
 */
public final class WorkbookFormatter {
    /** The sheet with the instructions; it holds no table, so the service ignores it. */
    public static final String HOW_TO_SHEET = "How to edit";
    /** Editable, validated rows kept free below each table, so analysts can add rules at the end too. */
    static final int SPARE_ROWS = 50;

    private WorkbookFormatter() {
    }

    public static byte[] format(String file, byte[] xlsx) {
        TableWorkbook tables = WorkbookReader.read(file, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Styles styles = new Styles(workbook);
            List<HowToEdit.Table> guide = new ArrayList<>();
            for (TableWorkbook.Sheet sheet : tables.ruleSheets()) {
                XSSFSheet poiSheet = workbook.getSheet(sheet.name());
                if (poiSheet.getCTWorksheet().isSetDataValidations()) {
                    poiSheet.getCTWorksheet().unsetDataValidations();
                }
                int foldFrom = 0;
                for (DecisionTable table : sheet.tables()) {
                    guide.add(formatTable(poiSheet, table, foldFrom, styles));
                    foldFrom = table.rows().isEmpty() ? table.headerRow() + 4 : table.rows().get(table.rows().size() - 1).number();
                }
                printOnOnePageWide(poiSheet);
                protect(poiSheet);
            }
            HowToEdit.write(workbook, file, guide, styles);
            if (!tables.ruleSheets().isEmpty()) {
                int first = workbook.getSheetIndex(tables.ruleSheets().get(0).name());
                workbook.setActiveSheet(first);
                workbook.setFirstVisibleTab(first);
                workbook.setSelectedTab(first);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format " + file, e);
        }
    }

    /** @param foldFrom the first (0-based) row of the developer rows above this table's titles */
    private static HowToEdit.Table formatTable(XSSFSheet sheet, DecisionTable table, int foldFrom, Styles styles) {
        int titleRow = table.headerRow() + 3; // 0-based: RuleTable, kinds, object types, code, then titles
        int firstDataRow = titleRow + 1;
        int lastDataRow = table.rows().isEmpty() ? titleRow : table.rows().get(table.rows().size() - 1).number() - 1;
        int lastColumn = table.columns().stream().mapToInt(c -> column(c.kind().ref())).max().orElse(0);

        for (int r = foldFrom; r < titleRow; r++) {
            XSSFRow row = (XSSFRow) row(sheet, r);
            row.getCTRow().setOutlineLevel((short) 0); // formatting again starts from an unfolded table
            row.getCTRow().setHidden(false);
            row.getCTRow().setCollapsed(false);
            for (int c = 0; c <= lastColumn; c++) {
                Cell cell = row.getCell(c);
                if (cell != null) {
                    cell.setCellStyle(styles.code());
                }
            }
        }
        // fold the developer rows: grouped (outline level 1) and collapsed, so Excel, LibreOffice and openpyxl
        // all show them hidden, with a + to open them
        sheet.setRowSumsBelow(true);
        sheet.groupRow(foldFrom, titleRow - 1);
        sheet.setRowGroupCollapsed(foldFrom, true);

        List<HowToEdit.Column> columns = new ArrayList<>();
        XSSFDataValidationHelper validations = new XSSFDataValidationHelper(sheet);
        for (DecisionTable.Column column : table.columns()) {
            int c = column(column.kind().ref());
            Optional<ColumnExpectation> expectation = ColumnExpectation.of(column);
            Styles.Kind kind = expectation.map(Styles::kindOf).orElse(Styles.Kind.TEXT);
            Cell title = row(sheet, titleRow).getCell(c);
            if (title == null) {
                title = row(sheet, titleRow).createCell(c);
            }
            title.setCellStyle(styles.title(kind));
            for (int r = firstDataRow; r <= lastDataRow + SPARE_ROWS; r++) {
                Cell cell = row(sheet, r).getCell(c);
                if (cell == null) {
                    cell = row(sheet, r).createCell(c);
                }
                cell.setCellStyle(r <= lastDataRow ? styles.data(kind) : styles.spare(kind));
            }
            int width = Math.max(8, Math.min(40, Math.max(longestWord(column.label()) + 2,
                    Math.max(column.label().length() / 2 + 2, longestValue(table, column) + 3))));
            sheet.setColumnWidth(c, width * 256);
            expectation.ifPresent(e -> validate(sheet, validations, column, e, firstDataRow, lastDataRow + SPARE_ROWS, c));
            columns.add(new HowToEdit.Column(column.label(), expectation.map(ColumnExpectation::description)
                    .orElse(column.isCondition() || column.isAction() ? "see the column title" : "the rule's name, unique in the table")));
        }
        row(sheet, titleRow).setHeightInPoints(titleHeight(table, sheet));
        sheet.createFreezePane(1, firstDataRow);
        return new HowToEdit.Table(sheet.getSheetName(), table.rows().size(), columns);
    }

    private static void validate(XSSFSheet sheet, XSSFDataValidationHelper helper, DecisionTable.Column column,
                                 ColumnExpectation expectation, int firstRow, int lastRow, int c) {
        DataValidationConstraint constraint;
        if (!expectation.choices().isEmpty()) {
            constraint = helper.createExplicitListConstraint(expectation.choices().toArray(String[]::new));
        } else if (expectation.isNumber()) {
            int type = expectation.whole() ? DataValidationConstraint.ValidationType.INTEGER
                    : DataValidationConstraint.ValidationType.DECIMAL;
            constraint = expectation.max() == null
                    ? helper.createNumericConstraint(type, DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                    plain(expectation.min()), null)
                    : helper.createNumericConstraint(type, DataValidationConstraint.OperatorType.BETWEEN,
                    plain(expectation.min()), plain(expectation.max()));
        } else {
            return;
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, c, c));
        validation.setEmptyCellAllowed(true);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(column.label(), "Expected " + expectation.description() + ".");
        validation.setShowPromptBox(true);
        validation.createPromptBox(column.label(), cap(expectation.description(), 250));
        if (!expectation.choices().isEmpty()) {
            validation.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
        }
        sheet.addValidationData(validation);
    }

    /** Landscape, as wide as one page, titles repeated: a printout (or PDF) shows the whole table. */
    private static void printOnOnePageWide(XSSFSheet sheet) {
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.4);
        sheet.setMargin(PageMargin.BOTTOM, 0.4);
    }

    /** Cells locked but for the rule rows; rows may be inserted and deleted, columns resized. No password. */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockSort(true);
        sheet.lockAutoFilter(true);
    }

    private static float titleHeight(DecisionTable table, XSSFSheet sheet) {
        int lines = 1;
        for (DecisionTable.Column column : table.columns()) {
            int width = sheet.getColumnWidth(column(column.kind().ref())) / 256 - 2;
            lines = Math.max(lines, wrappedLines(column.label(), Math.max(4, width)));
        }
        return Math.min(4, lines) * 15f + 6f;
    }

    /** How many lines a title takes when wrapped at word boundaries in a column {@code width} characters wide. */
    static int wrappedLines(String text, int width) {
        int lines = 1;
        int used = 0;
        for (String word : text.split("\\s+")) {
            int needed = used == 0 ? word.length() : used + 1 + word.length();
            if (needed > width && used > 0) {
                lines++;
                used = word.length();
            } else {
                used = needed;
            }
        }
        return lines;
    }

    private static int longestValue(DecisionTable table, DecisionTable.Column column) {
        return table.rows().stream().mapToInt(row -> row.cell(column).text().length()).max().orElse(0);
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String cap(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static int column(String ref) {
        return new CellReference(ref).getCol();
    }

    private static Row row(XSSFSheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /** Horizontal alignment for a column kind: numbers right, text left. */
    static HorizontalAlignment alignment(Styles.Kind kind) {
        return kind == Styles.Kind.TEXT ? HorizontalAlignment.LEFT : HorizontalAlignment.RIGHT;
    }
}

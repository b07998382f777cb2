package dev.coupondecision.ruleset.format;

import dev.coupondecision.ruleset.lint.ColumnExpectation;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.EnumMap;
import java.util.Map;

/** The few cell styles of a formatted workbook, created once per workbook. */
final class Styles {
    /** How a column's values are shown: text left; whole numbers and amounts right, with their number format. */
    enum Kind { TEXT, WHOLE, AMOUNT, NUMBER }

    private static final XSSFColor TITLE_FILL = rgb(0x1F, 0x4E, 0x78);
    private static final XSSFColor CODE_FILL = rgb(0xE7, 0xE6, 0xE6);
    private static final XSSFColor CODE_TEXT = rgb(0x59, 0x59, 0x59);
    private static final XSSFColor BORDER = rgb(0xA6, 0xA6, 0xA6);

    private final XSSFWorkbook workbook;
    private final XSSFCellStyle code;
    private final Map<Kind, XSSFCellStyle> titles = new EnumMap<>(Kind.class);
    private final Map<Kind, XSSFCellStyle> data = new EnumMap<>(Kind.class);
    private final Map<Kind, XSSFCellStyle> spare = new EnumMap<>(Kind.class);
    private final XSSFCellStyle heading;
    private final XSSFCellStyle paragraph;

    Styles(XSSFWorkbook workbook) {
        this.workbook = workbook;
        XSSFFont codeFont = workbook.createFont();
        codeFont.setItalic(true);
        codeFont.setColor(CODE_TEXT);
        code = workbook.createCellStyle();
        code.setFont(codeFont);
        code.setFillForegroundColor(CODE_FILL);
        code.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        code.setLocked(true);

        XSSFFont titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setColor(rgb(0xFF, 0xFF, 0xFF));
        for (Kind kind : Kind.values()) {
            XSSFCellStyle title = bordered();
            title.setFont(titleFont);
            title.setFillForegroundColor(TITLE_FILL);
            title.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title.setWrapText(true);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            title.setAlignment(WorkbookFormatter.alignment(kind));
            title.setLocked(true);
            titles.put(kind, title);

            XSSFCellStyle value = bordered();
            value.setAlignment(WorkbookFormatter.alignment(kind));
            value.setVerticalAlignment(VerticalAlignment.TOP);
            value.setDataFormat(format(kind));
            value.setLocked(false);
            data.put(kind, value);

            XSSFCellStyle free = workbook.createCellStyle();
            free.setAlignment(WorkbookFormatter.alignment(kind));
            free.setDataFormat(format(kind));
            free.setLocked(false);
            spare.put(kind, free);
        }
        XSSFFont headingFont = workbook.createFont();
        headingFont.setBold(true);
        headingFont.setFontHeightInPoints((short) 13);
        heading = workbook.createCellStyle();
        heading.setFont(headingFont);
        paragraph = workbook.createCellStyle();
        paragraph.setWrapText(true);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
    }

    static Kind kindOf(ColumnExpectation expectation) {
        if (!expectation.isNumber()) {
            return Kind.TEXT;
        }
        if (expectation.whole()) {
            return Kind.WHOLE;
        }
        return expectation.max() == null ? Kind.AMOUNT : Kind.NUMBER;
    }

    XSSFCellStyle code() {
        return code;
    }

    XSSFCellStyle title(Kind kind) {
        return titles.get(kind);
    }

    XSSFCellStyle data(Kind kind) {
        return data.get(kind);
    }

    XSSFCellStyle spare(Kind kind) {
        return spare.get(kind);
    }

    XSSFCellStyle heading() {
        return heading;
    }

    XSSFCellStyle paragraph() {
        return paragraph;
    }

    private XSSFCellStyle bordered() {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setTopBorderColor(BORDER);
        style.setBottomBorderColor(BORDER);
        style.setLeftBorderColor(BORDER);
        style.setRightBorderColor(BORDER);
        return style;
    }

    private short format(Kind kind) {
        return workbook.createDataFormat().getFormat(switch (kind) {
            case TEXT, NUMBER -> "General";
            case WHOLE -> "0";
            case AMOUNT -> "#,##0.00";
        });
    }

    private static XSSFColor rgb(int r, int g, int b) {
        return new XSSFColor(new byte[]{(byte) r, (byte) g, (byte) b}, null);
    }
}

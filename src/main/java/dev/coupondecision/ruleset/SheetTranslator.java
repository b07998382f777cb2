package dev.coupondecision.ruleset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns each rule sheet of an XLSX workbook (a sheet with a {@code RuleSet} cell) into DRL with Drools'
 * own {@link SpreadsheetCompiler}, one sheet at a time so that every generated rule is traced to its sheet.
 */
public final class SheetTranslator {

    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at [A-Z]+(\\d+), header at .*$");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)\"\\s*$");
    private static final int RULESET_SEARCH_ROWS = 50;

    private SheetTranslator() {
    }

    public static List<TranslatedSheet> translate(RuleFile file) {
        List<String> ruleSheets = ruleSheetNames(file);
        if (ruleSheets.isEmpty()) {
            throw new RulesetException(List.of(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null,
                    "no sheet has a RuleSet cell, so the workbook holds no decision table")));
        }
        List<TranslatedSheet> sheets = new ArrayList<>();
        for (String sheet : ruleSheets) {
            sheets.add(translateSheet(file, sheet));
        }
        return sheets;
    }

    private static TranslatedSheet translateSheet(RuleFile file, String sheet) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), sheet);
        } catch (RuntimeException e) {
            throw new RulesetException(List.of(Finding.inCell(Finding.Severity.ERROR, file.name(), sheet, null,
                    "Drools cannot read the decision table: " + rootMessage(e))));
        }
        Map<String, Integer> rowByRule = new HashMap<>();
        List<TranslatedSheet.RowMarker> markers = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        Integer pendingRow = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher values = RULE_VALUES_AT.matcher(lines[i].trim());
            if (values.matches()) {
                pendingRow = Integer.valueOf(values.group(1));
                markers.add(new TranslatedSheet.RowMarker(i + 1, pendingRow));
                continue;
            }
            Matcher name = RULE_NAME.matcher(lines[i].trim());
            if (name.matches() && pendingRow != null) {
                rowByRule.put(name.group(1), pendingRow);
                pendingRow = null;
            }
        }
        return new TranslatedSheet(file, sheet, drl, rowByRule, markers);
    }

    static List<String> ruleSheetNames(RuleFile file) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            List<String> names = new ArrayList<>();
            for (Sheet sheet : workbook) {
                if (hasRuleSetCell(sheet)) {
                    names.add(sheet.getSheetName());
                }
            }
            return names;
        } catch (IOException | RuntimeException e) {
            throw new RulesetException(List.of(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null,
                    "not a readable XLSX workbook: " + rootMessage(e))));
        }
    }

    private static boolean hasRuleSetCell(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getRowNum() > RULESET_SEARCH_ROWS) {
                return false;
            }
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && "RuleSet".equalsIgnoreCase(cell.getStringCellValue().trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}

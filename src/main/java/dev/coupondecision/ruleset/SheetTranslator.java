package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.table.SheetGrid;
import dev.coupondecision.ruleset.table.TableCell;
import dev.coupondecision.ruleset.table.TableWorkbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns each rule sheet of a workbook (a sheet with a {@code RuleSet} cell) into DRL with Drools' own
 * decision-table listener, fed from the service's one reading of the workbook rather than Drools' file parser:
 * so merged regions written sparsely, formulas and dates read the same as everywhere else, and every generated
 * rule is traced to its sheet and row.
 */
public final class SheetTranslator {

    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at [A-Z]+(\\d+), header at .*$");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)\"\\s*$");

    private SheetTranslator() {
    }

    public static List<TranslatedSheet> translate(String file, TableWorkbook workbook) {
        List<TableWorkbook.Sheet> ruleSheets = workbook.ruleSheets();
        if (ruleSheets.isEmpty()) {
            throw new RulesetException(List.of(Finding.inDrl(Finding.Severity.ERROR, file, null, null,
                    "no sheet has a RuleSet cell, so the workbook holds no decision table")));
        }
        List<TranslatedSheet> sheets = new ArrayList<>();
        for (TableWorkbook.Sheet sheet : ruleSheets) {
            sheets.add(translateSheet(file, sheet));
        }
        return sheets;
    }

    private static TranslatedSheet translateSheet(String file, TableWorkbook.Sheet sheet) {
        String drl;
        try {
            drl = drl(sheet.grid());
        } catch (RuntimeException e) {
            throw new RulesetException(List.of(Finding.inCell(Finding.Severity.ERROR, file, sheet.name(), null,
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

    /** The DRL Drools generates for a sheet, its cells given to Drools' listener as its own Excel parser does. */
    private static String drl(SheetGrid grid) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
        listener.startSheet(grid.name());
        for (int r = 0; r < grid.rowCount(); r++) {
            List<TableCell> cells = grid.row(r);
            listener.newRow(r, cells.size());
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isBlank()) {
                    listener.newCell(r, c, cells.get(c).text(), grid.mergedColumnStart(r, c));
                }
            }
        }
        listener.finishSheet();
        return new SpreadsheetCompiler().listenerToString(listener);
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

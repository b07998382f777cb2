package dev.coupondecision.cli;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.SheetTranslator;
import dev.coupondecision.ruleset.TranslatedSheet;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;
import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.UnreadableWorkbookException;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a decision-table workbook as diff-friendly text: per sheet its RuleSet options and each RuleTable's
 * columns (cell, kind, object type, code, title), then one line per rule row with its spreadsheet row number
 * and every non-blank cell as {@code column title: value}, then the DRL Drools generates from the sheet.
 */
final class WorkbookText {
    private final StringBuilder text = new StringBuilder();

    private WorkbookText() {
    }

    static String render(RuleFile file, WorkbookLimits limits) {
        WorkbookText out = new WorkbookText();
        TableWorkbook workbook;
        try {
            workbook = file.workbook(limits);
        } catch (UnreadableWorkbookException e) {
            out.line("(" + e.getMessage() + ")");
            return out.text.toString();
        }
        Map<String, List<DecisionTable>> tablesBySheet = new LinkedHashMap<>();
        for (DecisionTable table : workbook.tables()) {
            tablesBySheet.computeIfAbsent(table.sheet(), s -> new ArrayList<>()).add(table);
        }
        if (tablesBySheet.isEmpty()) {
            out.line("(no sheet holds a RuleTable)");
        }
        Map<String, String> drlBySheet = generatedDrl(file.name(), workbook);
        for (Map.Entry<String, List<DecisionTable>> sheet : tablesBySheet.entrySet()) {
            out.line("=== Sheet " + sheet.getKey());
            for (int i = 0; i < sheet.getValue().size(); i++) {
                out.table(sheet.getValue().get(i), i == 0);
            }
            out.line("");
            out.line("--- DRL generated from sheet " + sheet.getKey());
            out.text.append(drlBySheet.getOrDefault(sheet.getKey(), "(Drools generated no DRL for this sheet)\n"));
            out.line("");
        }
        return out.text.toString();
    }

    private void table(DecisionTable table, boolean withOptions) {
        if (withOptions) {
            for (TableCell key : table.optionKeys()) {
                TableCell value = table.options().get(key.ref());
                line(key.ref() + "  " + key.text().trim() + (value == null || value.isBlank() ? "" : ": " + value.text()));
            }
        }
        DecisionTable.Column first = table.columns().isEmpty() ? null : table.columns().get(0);
        line("");
        line("RuleTable" + (first == null ? "" : " (column kinds in row " + rowOf(first.kind()) + ")"));
        line("Columns:");
        for (DecisionTable.Column column : table.columns()) {
            StringBuilder description = new StringBuilder("  " + columnOf(column.kind()) + "  " + column.kind().text());
            appendIfPresent(description, "object", column.objectType());
            appendIfPresent(description, "code", column.code());
            appendIfPresent(description, "title", column.title());
            line(description.toString());
        }
        line("Rows:");
        for (DecisionTable.RuleRow row : table.rows()) {
            StringBuilder cells = new StringBuilder("  row " + row.number());
            for (DecisionTable.Column column : table.columns()) {
                TableCell cell = row.cell(column);
                if (!cell.isBlank()) {
                    cells.append(" | ").append(columnOf(cell)).append(' ').append(column.label()).append(": ")
                            .append(cell.text().replace('\n', ' '));
                }
            }
            line(cells.toString());
        }
    }

    /** The DRL of each rule sheet, or the reason Drools could not generate it. */
    private static Map<String, String> generatedDrl(String file, TableWorkbook workbook) {
        Map<String, String> drl = new LinkedHashMap<>();
        try {
            for (TranslatedSheet sheet : SheetTranslator.translate(file, workbook)) {
                drl.put(sheet.sheet(), sheet.drl().endsWith("\n") ? sheet.drl() : sheet.drl() + "\n");
            }
        } catch (RulesetException e) {
            e.findings().forEach(f -> drl.merge(f.sheet() == null ? "" : f.sheet(),
                    "(Drools cannot generate DRL: " + f.message() + ")\n", String::concat));
        }
        return drl;
    }

    private static void appendIfPresent(StringBuilder description, String label, TableCell cell) {
        if (cell != null && !cell.isBlank()) {
            description.append("  ").append(label).append(" \"").append(cell.text()).append('"');
        }
    }

    private static String columnOf(TableCell cell) {
        return cell.ref().replaceAll("\\d", "");
    }

    private static String rowOf(TableCell cell) {
        return cell.ref().replaceAll("\\D", "");
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}

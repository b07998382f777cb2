package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;
import dev.coupondecision.ruleset.table.TableLayout;
import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.UnreadableWorkbookException;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a ruleset the way an analyst's reviewer would, before Drools compiles it: values, ranges,
 * enumerations, send windows and quiet hours, completeness, unreachable rows, and the guardrails that keep
 * spreadsheets and DRL within the decision facts. Each finding names its file and cell (or line).
 */
public final class RulesetLinter {
    private static final Pattern PLAIN_TEXT_BREAKOUT = Pattern.compile("[\"\\\\\r\n]|/\\*|\\*/");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private final CellValueCheck values;
    private final WorkbookLimits limits;

    public RulesetLinter(LocalTime quietFrom, LocalTime quietUntil, WorkbookLimits limits) {
        this.values = new CellValueCheck(quietFrom, quietUntil);
        this.limits = limits;
    }

    public List<Finding> lint(RuleFileSet files) {
        List<Finding> findings = new ArrayList<>(StrayCopies.check(files));
        List<DecisionTable> tables = new ArrayList<>();
        Set<String> copies = StrayCopies.names(files);
        for (RuleFile file : files.files()) {
            if (copies.contains(file.name())) {
                continue;
            }
            switch (file.kind()) {
                // DRL is checked by the code guard when it is compiled; here only its size counts
                case DRL -> limits.problemWith(file.name(), false, file.content()).ifPresent(tooLarge ->
                        findings.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null, tooLarge)));
                case XLSX -> tables.addAll(readTables(file, findings));
            }
        }
        boolean allRead = findings.isEmpty();
        for (DecisionTable table : tables) {
            findings.addAll(lintTable(table));
        }
        if (allRead) {
            // which rows are missing can only be told from all of the tables
            findings.addAll(CompletenessCheck.check(tables));
        }
        for (RuleFileSet.IgnoredFile ignored : files.ignored()) {
            findings.add(Finding.inDrl(Finding.Severity.WARNING, ignored.name(), null, null, ignored.reason()));
        }
        // The options of a sheet apply to each of its tables: report a bad option once, not once per table.
        return List.copyOf(new LinkedHashSet<>(findings));
    }

    List<Finding> lintTable(DecisionTable table) {
        Findings findings = new Findings(table);
        StructureCheck.check(table, findings);
        for (DecisionTable.RuleRow row : table.rows()) {
            for (DecisionTable.Column column : table.columns()) {
                TableCell cell = row.cell(column);
                if (column.isCondition() || column.isAction()) {
                    values.check(column, cell, findings);
                } else if (column.isPriority()) {
                    priority(cell, findings);
                } else if (PLAIN_TEXT_BREAKOUT.matcher(cell.text()).find()) {
                    // Drools pastes these cells into the DRL as they are: a description inside a /* */ comment,
                    // names and groups inside quotes. Any of these characters could end that and start code.
                    findings.error(cell, "'" + cell.text() + "' must not contain quotes, backslashes, line breaks or comment marks (/* */)");
                }
            }
        }
        if (StructureCheck.columnKindsKnown(table)) {
            RowChecks.shadowedRows(table, findings);
            RowChecks.experimentsMatchTheirBuckets(table, findings);
        }
        return findings.list();
    }

    /** A priority is a whole number; Drools would compile a value in parentheses as code (dynamic salience). */
    private static void priority(TableCell cell, Findings findings) {
        if (!cell.isBlank() && !WHOLE_NUMBER.matcher(cell.text().trim()).matches()) {
            findings.error(cell, "'" + cell.text() + "' is not a whole number; a priority is a number such as 10");
        }
    }

    private List<DecisionTable> readTables(RuleFile file, List<Finding> findings) {
        try {
            TableWorkbook workbook = file.workbook(limits);
            for (TableWorkbook.Sheet sheet : workbook.sheets()) {
                if (!sheet.ruleSheet() && TableLayout.hasRuleTable(sheet.grid())) {
                    findings.add(Finding.inCell(Finding.Severity.WARNING, file.name(), sheet.name(), null,
                            "this sheet has a RuleTable but no RuleSet cell, so it is ignored"));
                }
            }
            return workbook.tables();
        } catch (UnreadableWorkbookException e) {
            findings.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null, e.getMessage()));
            return List.of();
        }
    }
}

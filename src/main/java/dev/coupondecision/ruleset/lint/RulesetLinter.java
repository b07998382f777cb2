package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a ruleset the way an analyst's reviewer would, before Drools compiles it: values, ranges,
 * enumerations, send windows and quiet hours, completeness, unreachable rows, and the guardrails that keep
 * spreadsheets and DRL within the decision facts. Each finding names its file and cell (or line).
 */
public final class RulesetLinter {
    private static final Pattern DRL_IMPORT_LINE = Pattern.compile("\\s*import\\s");
    private static final Pattern DRL_IMPORT = Pattern.compile("(?:^|;)\\s*(?<keyword>import)\\s+(?<modifier>function\\s+|static\\s+)?(?<name>[\\w.]+(?:\\.\\*)?)");

    private static final Pattern PLAIN_TEXT_BREAKOUT = Pattern.compile("[\"\\\\\r\n]|/\\*|\\*/");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private final CellValueCheck values;

    public RulesetLinter(LocalTime quietFrom, LocalTime quietUntil) {
        this.values = new CellValueCheck(quietFrom, quietUntil);
    }

    public List<Finding> lint(RuleFileSet files) {
        List<Finding> findings = new ArrayList<>();
        List<DecisionTable> tables = new ArrayList<>();
        for (RuleFile file : files.files()) {
            switch (file.kind()) {
                case DRL -> findings.addAll(drlImports(file));
                case XLSX -> tables.addAll(readTables(file, findings));
            }
        }
        for (DecisionTable table : tables) {
            findings.addAll(lintTable(table));
        }
        findings.addAll(CompletenessCheck.check(tables));
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
        }
        return findings.list();
    }

    /** A priority is a whole number; Drools would compile a value in parentheses as code (dynamic salience). */
    private static void priority(TableCell cell, Findings findings) {
        if (!cell.isBlank() && !WHOLE_NUMBER.matcher(cell.text().trim()).matches()) {
            findings.error(cell, "'" + cell.text() + "' is not a whole number; a priority is a number such as 10");
        }
    }

    private static List<DecisionTable> readTables(RuleFile file, List<Finding> findings) {
        try {
            return DecisionTableReader.read(file.name(), file.content());
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null,
                    "not a readable XLSX workbook: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Every import of a DRL file must name the facts package: also one followed by a comment or by another
     * statement on the same line ({@code import java.io.File; // for the audit log}).
     */
    private static List<Finding> drlImports(RuleFile file) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!DRL_IMPORT_LINE.matcher(lines[i]).lookingAt()) {
                continue;
            }
            Matcher matcher = DRL_IMPORT.matcher(lines[i]);
            while (matcher.find()) {
                if (matcher.group("modifier") != null || !CodeGuard.isAllowedImport(matcher.group("name"))) {
                    findings.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), i + 1, matcher.start("keyword") + 1,
                            "import '" + matcher.group("name") + "' is outside the project's domain package "
                                    + CodeGuard.FACTS_PACKAGE));
                }
            }
        }
        return findings;
    }
}

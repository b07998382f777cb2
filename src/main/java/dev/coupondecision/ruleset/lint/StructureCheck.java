package dev.coupondecision.ruleset.lint;

import java.util.Set;

/**
 * Checks the developer-owned parts of a table: RuleSet options, column kinds and the code cells (object
 * types and templates), which may only use the decision facts' API.
 */
final class StructureCheck {
    private static final Set<String> OPTIONS = Set.of("RULESET", "IMPORT", "SEQUENTIAL", "SEQUENTIALMAXPRIORITY",
            "SEQUENTIALMINPRIORITY", "RULEFLOW-GROUP", "AGENDA-GROUP", "ACTIVATION-GROUP", "ESCAPEQUOTES",
            "IGNORENUMERICFORMAT", "NUMERICDISABLED", "NO-LOOP", "LOCK-ON-ACTIVE", "DIALECT");
    private static final Set<String> COLUMN_KINDS = Set.of("NAME", "DESCRIPTION", "CONDITION", "ACTION", "PRIORITY",
            "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP", "NO-LOOP", "LOCK-ON-ACTIVE");

    private StructureCheck() {
    }

    static void check(DecisionTable table, Findings findings) {
        for (TableCell key : table.optionKeys()) {
            option(key, table.options().get(key.ref()), findings);
        }
        for (DecisionTable.Column column : table.columns()) {
            String kind = column.kind().text().trim().toUpperCase();
            if (!COLUMN_KINDS.contains(kind)) {
                findings.error(column.kind(), "'" + column.kind().text() + "' is not a column kind this service allows; expected one of "
                        + String.join(", ", COLUMN_KINDS.stream().sorted().toList())
                        + (kind.startsWith("DATE-") ? " (DATE-EFFECTIVE/DATE-EXPIRES follow the wall clock: use 'Effective from'/'Expires on' condition columns, which follow asOf)" : ""));
                continue;
            }
            if (column.isCondition() || column.isAction()) {
                code(column.objectType(), findings);
                code(column.code(), findings);
            }
        }
    }

    private static void option(TableCell key, TableCell value, Findings findings) {
        String name = key.text().trim();
        if (!OPTIONS.contains(name.toUpperCase())) {
            findings.error(key, "RuleSet option '" + name + "' is not allowed in analysts' tables; allowed: Import, Sequential, "
                    + "RULEFLOW-GROUP, ACTIVATION-GROUP and the other rule attributes (no Functions, Variables, Queries or Declare)");
        } else if (name.equalsIgnoreCase("Import") && value != null) {
            for (String imported : value.text().split(",")) {
                if (!CodeGuard.isAllowedImport(imported)) {
                    findings.error(value, "import '" + imported.trim() + "' is outside the decision facts; only "
                            + CodeGuard.FACTS_PACKAGE + ".* may be imported");
                }
            }
        }
    }

    private static void code(TableCell cell, Findings findings) {
        if (cell == null || cell.isBlank()) {
            return;
        }
        var forbidden = CodeGuard.forbiddenIdentifiers(cell.text());
        if (!forbidden.isEmpty()) {
            findings.error(cell, "code uses " + String.join(", ", forbidden) + ", outside what tables may use: "
                    + CodeGuard.allowedSummary());
        }
    }
}

package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.guard.FactsApi;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the developer-owned parts of a table: RuleSet options and column kinds. The code in object types and
 * templates is checked where it ends up, in the DRL generated from the table (the code guard, when compiling).
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
            }
        }
    }

    /** False when a column kind is unknown: the row analysis would then misread the table's columns. */
    static boolean columnKindsKnown(DecisionTable table) {
        return table.columns().stream().allMatch(c -> COLUMN_KINDS.contains(c.kind().text().trim().toUpperCase()));
    }

    private static void option(TableCell key, TableCell value, Findings findings) {
        String name = key.text().trim();
        String upper = name.toUpperCase();
        if (!OPTIONS.contains(upper)) {
            findings.error(key, "RuleSet option '" + name + "' is not allowed in analysts' tables; allowed: Import, Sequential, "
                    + "RULEFLOW-GROUP, ACTIVATION-GROUP and the other rule attributes (no Functions, Variables, Queries or Declare)");
            return;
        }
        if (value == null) {
            return;
        }
        String text = value.text().trim();
        if (upper.equals("IMPORT")) {
            for (String imported : value.text().split(",")) {
                if (!FactsApi.isAllowedImport(imported)) {
                    findings.error(value, "import '" + imported.trim() + "' is outside the decision facts; only "
                            + FactsApi.PACKAGE + ".* may be imported");
                }
            }
            return;
        }
        // Drools pastes these values into the generated DRL (the RuleSet value right after "package"), so each
        // must be the plain value its option takes and nothing more.
        OptionValue expected = OPTION_VALUES.getOrDefault(upper, GROUPS.get(upper));
        if (expected != null && !expected.pattern().matcher(text).matches()) {
            findings.error(value, "'" + value.text() + "' is not a valid " + name + "; expected " + expected.description());
        }
    }

    private record OptionValue(Pattern pattern, String description) {
    }

    private static final OptionValue BOOLEAN = new OptionValue(Pattern.compile("(?i)true|false"), "true or false");
    private static final OptionValue GROUP = new OptionValue(Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*"),
            "a group name of letters, digits, '-', '_' or '.'");
    private static final Map<String, OptionValue> OPTION_VALUES = Map.of(
            "RULESET", new OptionValue(Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*"),
                    "a Java package name such as dev.coupondecision.tables.coupons"),
            "SEQUENTIAL", BOOLEAN, "ESCAPEQUOTES", BOOLEAN, "IGNORENUMERICFORMAT", BOOLEAN, "NUMERICDISABLED", BOOLEAN,
            "NO-LOOP", BOOLEAN, "LOCK-ON-ACTIVE", BOOLEAN,
            "SEQUENTIALMAXPRIORITY", new OptionValue(Pattern.compile("-?\\d+"), "a whole number"),
            "SEQUENTIALMINPRIORITY", new OptionValue(Pattern.compile("-?\\d+"), "a whole number"),
            "DIALECT", new OptionValue(Pattern.compile("(?i)java|mvel"), "java or mvel"));
    private static final Map<String, OptionValue> GROUPS = Map.of("RULEFLOW-GROUP", GROUP, "AGENDA-GROUP", GROUP,
            "ACTIVATION-GROUP", GROUP);
}

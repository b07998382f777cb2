package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rows of a first-match table that can never fire: an earlier row matches every customer they match
 * (it has no condition they lack, and each of its conditions is implied by theirs).
 */
final class RowChecks {
    private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(==|>=|<=|>|<)\\s*(\\w+\\.)?\\$param");

    private RowChecks() {
    }

    /**
     * A row that names an A/B experiment for its variant must select its customers by a bucket of that same
     * experiment, or the variant would be reported for customers the experiment never split.
     */
    static void experimentsMatchTheirBuckets(DecisionTable table, Findings findings) {
        var variants = table.columnWithCode("setExperiment(");
        var buckets = table.columnWithCode("bucketOf(");
        if (variants.isEmpty()) {
            return;
        }
        for (DecisionTable.RuleRow row : table.rows()) {
            TableCell variant = row.cell(variants.get());
            if (variant.isBlank() || findings.hasErrorAt(variant)) {
                continue;
            }
            String experiment = variant.text().split(",")[0].trim();
            TableCell bucket = buckets.map(row::cell).orElse(null);
            if (bucket == null || bucket.isBlank()) {
                findings.error(variant, "row " + row.number() + " names experiment '" + experiment
                        + "' but selects no bucket of it; fill in the A/B bucket column of this row");
            } else if (!bucket.text().split(",")[0].trim().equals(experiment)) {
                findings.error(variant, "experiment '" + experiment + "' differs from the bucket's experiment '"
                        + bucket.text().split(",")[0].trim() + "' in " + bucket.ref());
            }
        }
    }

    static void shadowedRows(DecisionTable table, Findings findings) {
        List<DecisionTable.Column> conditions = table.columns().stream().filter(DecisionTable.Column::isCondition).toList();
        List<DecisionTable.RuleRow> rows = table.rows();
        for (int later = 1; later < rows.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (covers(conditions, rows.get(earlier), rows.get(later))) {
                    DecisionTable.RuleRow row = rows.get(later);
                    findings.error(row.cells().get(0), "row " + row.number() + " can never apply: row "
                            + rows.get(earlier).number() + " above it matches every customer it matches (the first"
                            + " matching row wins); move this row above row " + rows.get(earlier).number()
                            + " or remove it");
                    break;
                }
            }
        }
    }

    private static boolean covers(List<DecisionTable.Column> conditions, DecisionTable.RuleRow earlier,
                                  DecisionTable.RuleRow later) {
        for (DecisionTable.Column column : conditions) {
            TableCell broad = earlier.cell(column);
            if (broad.isBlank()) {
                continue;
            }
            TableCell narrow = later.cell(column);
            if (narrow.isBlank() || !implies(column.template(), narrow.text().trim(), broad.text().trim())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every customer matching the cell value {@code narrow} also matches {@code broad}. */
    private static boolean implies(String template, String narrow, String broad) {
        if (narrow.equals(broad)) {
            return true;
        }
        if (template.contains("forall(")) {
            return set(broad).containsAll(set(narrow));
        }
        Matcher comparison = COMPARISON.matcher(template);
        if (!comparison.find() || !isNumber(narrow) || !isNumber(broad)) {
            return false;
        }
        int order = new BigDecimal(narrow).compareTo(new BigDecimal(broad));
        return switch (comparison.group(2)) {
            case ">", ">=" -> order >= 0;
            case "<", "<=" -> order <= 0;
            default -> false;
        };
    }

    private static Set<String> set(String list) {
        return new HashSet<>(Arrays.stream(list.split(",")).map(String::trim).toList());
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}

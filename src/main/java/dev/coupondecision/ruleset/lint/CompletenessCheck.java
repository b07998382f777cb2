package dev.coupondecision.ruleset.lint;

import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every tier the tier table can assign needs a coupon row, a frequency-cap row, and a weekday and a
 * weekend send window (a row with a blank tier applies to every tier).
 */
final class CompletenessCheck {
    private static final String TIER_ACTION = "TierAssignment(Tier.$param)";
    private static final String TIER_CONDITION = "Tier.$param";

    private CompletenessCheck() {
    }

    static List<Finding> check(List<DecisionTable> tables) {
        Set<String> tiers = new LinkedHashSet<>();
        for (DecisionTable table : tables) {
            table.columnWithCode(TIER_ACTION).ifPresent(column -> table.rows().stream()
                    .map(row -> row.cell(column).text().trim()).filter(t -> !t.isEmpty()).forEach(tiers::add));
        }
        List<Finding> findings = new ArrayList<>();
        requireRowPerTier(tables, "setCouponType(", "coupon", tiers, null, findings);
        requireRowPerTier(tables, "setFrequencyCapMax(", "frequency cap", tiers, null, findings);
        for (DayType dayType : DayType.values()) {
            requireRowPerTier(tables, "setWindows(", dayType.name().toLowerCase() + " send window", tiers, dayType, findings);
        }
        return findings;
    }

    private static void requireRowPerTier(List<DecisionTable> tables, String actionFragment, String what,
                                          Set<String> tiers, DayType dayType, List<Finding> findings) {
        Optional<DecisionTable> found = tables.stream().filter(t -> t.columnWithCode(actionFragment).isPresent()).findFirst();
        if (found.isEmpty()) {
            if (!tiers.isEmpty()) {
                findings.add(Finding.about(Finding.Severity.ERROR, "decision-tables",
                        "no table assigns a " + what + " (no column calls " + actionFragment + "...)"));
            }
            return;
        }
        DecisionTable table = found.get();
        Optional<DecisionTable.Column> tierColumn = table.columnWithCode(TIER_CONDITION);
        Optional<DecisionTable.Column> dayColumn = table.columnWithCode("DayType.$param");
        for (String tier : tiers) {
            boolean covered = table.rows().stream().anyMatch(row ->
                    tierColumn.map(c -> row.cell(c).isBlank() || row.cell(c).text().trim().equals(tier)).orElse(true)
                            && (dayType == null || dayColumn.map(c -> row.cell(c).text().trim().equals(dayType.name())).orElse(true)));
            if (!covered) {
                TableCell at = tierColumn.map(DecisionTable.Column::title).orElse(table.columns().get(0).title());
                findings.add(Finding.inCell(Finding.Severity.ERROR, table.file(), table.sheet(), at.ref(),
                        "tier " + tier + " has no " + what + " row"));
            }
        }
    }
}

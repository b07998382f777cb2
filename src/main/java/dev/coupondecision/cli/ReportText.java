package dev.coupondecision.cli;

import dev.coupondecision.activation.ScenarioSummary;
import dev.coupondecision.impact.DryRunReport;
import dev.coupondecision.impact.ImpactReport;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.scenario.ScenarioResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A dry-run report as text for a terminal: verdict, findings with their cells, scenarios, then the impact. */
final class ReportText {
    private final StringBuilder text = new StringBuilder();

    private ReportText() {
    }

    static String render(DryRunReport report) {
        ReportText out = new ReportText();
        out.verdict(report);
        out.findings(report.findings());
        out.scenarios(report.scenarios());
        if (report.impact() != null) {
            out.impact(report.impact());
        } else {
            out.line("Impact: " + report.impactNote());
        }
        return out.text.toString();
    }

    private void verdict(DryRunReport report) {
        line("Ruleset " + report.candidateVersion() + ": " + (report.accepted() ? "ACCEPTED" : "REJECTED"));
        if (report.baselineVersion() != null) {
            List<String> files = report.files().stream()
                    .map(f -> f.name() + " (" + f.change().name().toLowerCase() + ")").toList();
            line("Compared with " + report.baselineVersion() + ": "
                    + (files.isEmpty() ? "no file differs" : String.join(", ", files)));
        }
        line("");
    }

    private void findings(List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        line("Findings: " + errors + " errors, " + (findings.size() - errors) + " warnings");
        findings.forEach(f -> line("  " + f));
        line("");
    }

    private void scenarios(ScenarioSummary scenarios) {
        if (scenarios == null) {
            line("Scenarios: not run, the rules do not compile");
            line("");
            return;
        }
        line("Scenarios: " + scenarios.passed() + " of " + scenarios.total() + " passed");
        for (ScenarioSummary.Failure failure : scenarios.failures()) {
            line("  FAILED " + failure.file() + " (" + failure.name() + ")");
            for (ScenarioResult.Mismatch mismatch : failure.mismatches()) {
                line("    " + mismatch);
            }
        }
        if (!scenarios.uncoveredRows().isEmpty()) {
            line("  Rows no scenario reaches (" + scenarios.uncoveredRows().size() + "):");
            scenarios.uncoveredRows().forEach(row -> line("    " + row));
        }
        line("");
    }

    private void impact(ImpactReport impact) {
        ImpactReport.PopulationSummary population = impact.population();
        line("Impact: " + impact.baselineVersion() + " -> " + impact.candidateVersion() + " on " + population.source());
        if (population.skippedLines() > 0) {
            line("  " + population.skippedLines() + " lines skipped: " + String.join("; ", population.skipped()));
        }
        line("  Decided: " + impact.decided());
        line("  Changed (tier, coupon type or eligibility): " + impact.changed());
        line("  Changed only in coupon terms, frequency cap or send window: " + impact.changedTermsOnly());
        transitions("Tier changes", impact.tierChanges());
        matrix(impact.tierMatrix());
        transitions("Coupon type changes", impact.couponTypeChanges());
        transitions("Eligibility changes", impact.eligibilityChanges());
        line("  Coupon term changes:" + (impact.couponTermChanges().isEmpty() ? " none" : ""));
        for (ImpactReport.TermChange change : impact.couponTermChanges()) {
            line("    " + change.tier() + " " + change.couponType() + " " + change.term() + " " + change.from() + " -> "
                    + change.to() + ": " + change.count() + examples(change.examples()));
        }
        transitions("Frequency cap changes", impact.frequencyCapChanges());
        line("  Send window moved: " + impact.sendWindowChanges().count() + examples(impact.sendWindowChanges().examples()));
        if (impact.failedDecisions().count() > 0) {
            line("  FAILED decisions: " + impact.failedDecisions().count() + examples(impact.failedDecisions().examples())
                    + "; first error: " + impact.failedDecisions().firstError());
        }
        if (!impact.exampleProfiles().isEmpty()) {
            line("  Example customers:");
            new TreeMap<>(impact.exampleProfiles()).forEach((id, profile) -> line("    " + id + ": " + profile));
        }
    }

    private void transitions(String title, List<ImpactReport.Transition> transitions) {
        line("  " + title + ":" + (transitions.isEmpty() ? " none" : ""));
        for (ImpactReport.Transition t : transitions) {
            line("    " + t.from() + " -> " + t.to() + ": " + t.count() + examples(t.examples()));
        }
    }

    /** The tier matrix as a grid: rows are baseline tiers, columns candidate tiers. */
    private void matrix(Map<String, Map<String, Integer>> matrix) {
        Set<String> columns = new LinkedHashSet<>(matrix.keySet());
        matrix.values().forEach(row -> columns.addAll(row.keySet()));
        int width = columns.stream().mapToInt(String::length).max().orElse(4) + 2;
        StringBuilder header = new StringBuilder(String.format("    %-" + width + "s", "from \\ to"));
        columns.forEach(c -> header.append(String.format("%" + width + "s", c)));
        line("  Tier matrix (rows: baseline, columns: candidate):");
        line(header.toString());
        for (Map.Entry<String, Map<String, Integer>> row : matrix.entrySet()) {
            StringBuilder cells = new StringBuilder(String.format("    %-" + width + "s", row.getKey()));
            columns.forEach(c -> cells.append(String.format("%" + width + "s", row.getValue().getOrDefault(c, 0))));
            line(cells.toString());
        }
    }

    private static String examples(List<String> ids) {
        return ids.isEmpty() ? "" : " (e.g. " + String.join(", ", ids) + ")";
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}

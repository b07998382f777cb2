package dev.coupondecision.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coupondecision.activation.ScenarioSummary;
import dev.coupondecision.ruleset.Finding;

import java.util.List;

/**
 * The outcome of checking a candidate ruleset without activating it: whether it would be accepted, the
 * files that differ from the baseline, every finding (file and cell, or file and line), the regression
 * scenarios (absent when it does not compile) and the impact on the population (absent when it has errors;
 * {@code impactNote} then says why).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"candidateVersion", "baselineVersion", "accepted", "files", "findings", "scenarios", "impact",
        "impactNote"})
public record DryRunReport(String candidateVersion, String baselineVersion, boolean accepted, List<FileChange> files,
                           List<Finding> findings, ScenarioSummary scenarios, ImpactReport impact, String impactNote) {

    public DryRunReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }
}

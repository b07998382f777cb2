package dev.coupondecision.activation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on a candidate ruleset: its findings (errors block it, warnings do not) and how the
 * regression scenarios went on it. It carries the compiled ruleset whenever the candidate compiled (a dry run
 * shows the impact of a candidate that fails scenarios); only an accepted one may serve.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetCheck(String version, Instant checkedAt, boolean accepted, List<Finding> findings,
                           ScenarioSummary scenarios, @JsonIgnore CompiledRuleset compiled) {

    public RulesetCheck {
        findings = List.copyOf(findings);
    }

    /** A readable multi-line report of everything that blocks this ruleset. */
    public String report() {
        StringBuilder report = new StringBuilder("ruleset " + version + (accepted ? " accepted" : " rejected"));
        findings.forEach(f -> report.append("\n  ").append(f));
        if (scenarios != null) {
            scenarios.failures().forEach(f -> report.append("\n  SCENARIO ").append(f));
        }
        return report.toString();
    }
}

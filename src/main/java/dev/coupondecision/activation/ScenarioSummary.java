package dev.coupondecision.activation;

import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.FiredRule;
import dev.coupondecision.scenario.ScenarioResult;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a ruleset did on the regression scenarios: counts, each failure with expected and actual values, and the
 * rules (table rows and DRL rules) no scenario reaches, which the policy would leave unpinned.
 */
public record ScenarioSummary(int total, int passed, List<Failure> failures, List<String> uncoveredRows) {

    /** A scenario that did not hold, with what differed. */
    public record Failure(String file, String name, List<ScenarioResult.Mismatch> mismatches) {
        @Override
        public String toString() {
            return file + " (" + name + "): " + mismatches;
        }
    }

    public static ScenarioSummary of(List<ScenarioResult> results, CompiledRuleset ruleset) {
        Set<String> reached = results.stream().flatMap(r -> r.firedSources().stream()).collect(Collectors.toSet());
        List<String> uncovered = ruleset.rules().stream().map(FiredRule::source)
                .filter(source -> !reached.contains(source)).toList();
        List<Failure> failures = results.stream().filter(r -> !r.passed())
                .map(r -> new Failure(r.file(), r.name(), r.mismatches())).toList();
        return new ScenarioSummary(results.size(), results.size() - failures.size(), failures, uncovered);
    }
}

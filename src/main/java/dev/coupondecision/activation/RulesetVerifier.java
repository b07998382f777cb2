package dev.coupondecision.activation;

import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.scenario.Scenario;
import dev.coupondecision.scenario.ScenarioRunner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides whether a set of rule files may serve: lint (errors block), compile (errors mapped to cells and
 * lines), then the regression scenarios, which must all pass. The same check runs at start-up, on every
 * reload and in dry runs.
 */
public final class RulesetVerifier {
    private final RulesetLinter linter;
    private final RulesetCompiler compiler;
    private final ScenarioRunner runner;
    private final Supplier<List<Scenario>> scenarios;
    private final Clock clock;

    public RulesetVerifier(RulesetLinter linter, RulesetCompiler compiler, ScenarioRunner runner,
                           Supplier<List<Scenario>> scenarios, Clock clock) {
        this.linter = linter;
        this.compiler = compiler;
        this.runner = runner;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    public RulesetCheck verify(RuleFileSet files) {
        List<Finding> findings = new ArrayList<>(linter.lint(files));
        if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR)) {
            return new RulesetCheck(files.version(), clock.instant(), false, findings, null, null);
        }
        CompiledRuleset compiled;
        try {
            compiled = compiler.compile(files);
        } catch (RulesetException e) {
            findings.addAll(e.findings());
            return new RulesetCheck(files.version(), clock.instant(), false, findings, null, null);
        }
        ScenarioSummary summary = ScenarioSummary.of(runner.runAll(scenarios.get(), compiled), compiled);
        boolean accepted = summary.failures().isEmpty();
        return new RulesetCheck(files.version(), clock.instant(), accepted, findings, summary, accepted ? compiled : null);
    }
}

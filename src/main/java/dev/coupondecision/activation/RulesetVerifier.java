package dev.coupondecision.activation;

import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.RulesetException;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.ScenarioRunner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a set of rule files may serve: lint (errors block), compile (errors mapped to cells and
 * lines), then the regression scenarios, which must all pass. The same check runs at start-up, on every
 * reload and in dry runs.
 */
public final class RulesetVerifier {
    private final RulesetLinter linter;
    private final RulesetCompiler compiler;
    private final ScenarioRunner runner;
    private final Clock clock;

    public RulesetVerifier(RulesetLinter linter, RulesetCompiler compiler, ScenarioRunner runner, Clock clock) {
        this.linter = linter;
        this.compiler = compiler;
        this.runner = runner;
        this.clock = clock;
    }

    /** The verifier the service runs, configured as the service is (the CLI builds it the same way). */
    public static RulesetVerifier configured(DecisionConfig config, Clock clock) {
        WorkbookLimits limits = WorkbookLimits.from(config.ruleFiles());
        return new RulesetVerifier(
                new RulesetLinter(config.lint().quietHoursStart(), config.lint().quietHoursEnd(), limits),
                new RulesetCompiler(clock, limits), new ScenarioRunner(clock, config.defaultTimezone()), clock);
    }

    public RulesetCheck verify(RulesetSnapshot snapshot) {
        RuleFileSet files = snapshot.files();
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
        return judge(snapshot, compiled, findings);
    }

    /**
     * Compiles a version that passed this gate when it was stored, so that it can serve before {@link #recheck}
     * has run its lint and scenarios again.
     *
     * @throws RulesetException when it no longer compiles (an engine release that refuses it)
     */
    public CompiledRuleset compile(RulesetSnapshot snapshot) {
        return compiler.compile(snapshot.files());
    }

    /** The gate's lint and scenarios on a ruleset compiled by {@link #compile}: the same verdict as {@link #verify}. */
    public RulesetCheck recheck(RulesetSnapshot snapshot, CompiledRuleset compiled) {
        return judge(snapshot, compiled, new ArrayList<>(linter.lint(snapshot.files())));
    }

    private RulesetCheck judge(RulesetSnapshot snapshot, CompiledRuleset compiled, List<Finding> findings) {
        ScenarioSummary summary = ScenarioSummary.of(runner.runAll(snapshot.scenarios().scenarios(), compiled), compiled);
        // every rule must be pinned by a scenario: the service, the command line and CI give one verdict
        for (String source : summary.uncoveredRows()) {
            findings.add(compiled.location(source).finding(Finding.Severity.ERROR, "no scenario reaches "
                    + (source.contains(".xlsx") ? "this row" : "rule '" + source.substring(source.lastIndexOf('›') + 2) + "'")
                    + ", so nothing pins what it decides: add a scenario for it (bin/rules scenario new NAME --from"
                    + " profile.json), or remove it"));
        }
        boolean accepted = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR)
                && summary.failures().isEmpty() && summary.uncoveredRows().isEmpty();
        return new RulesetCheck(compiled.version(), clock.instant(), accepted, findings, summary, compiled);
    }
}

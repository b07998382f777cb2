package dev.coupondecision.impact;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.ruleset.CompiledRuleset;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Checks a candidate ruleset exactly as activation would (lint, compile, scenarios) and shows what it would
 * change against a baseline, without activating anything. The impact is computed whenever the candidate
 * compiles, also when scenarios fail, since that is when the analyst most needs to see it.
 */
public final class RulesetDryRun {
    private final RulesetVerifier verifier;
    private final Supplier<Population> population;
    private final ExecutorService pool;

    /** @param pool decides the population in parallel */
    public RulesetDryRun(RulesetVerifier verifier, Supplier<Population> population, ExecutorService pool) {
        this.verifier = verifier;
        this.population = population;
        this.pool = pool;
    }

    /**
     * One dry run at a time: each uses every core for a moment, and decisions must keep being served.
     *
     * @param baseline the ruleset to compare with, or null to skip the impact report
     */
    public synchronized DryRunReport run(RulesetSnapshot candidate, CompiledRuleset baseline) {
        RulesetCheck check = verifier.verify(candidate);
        List<FileChange> files = baseline == null ? List.of() : FileChange.between(baseline.files(), candidate.files());
        String baselineVersion = baseline == null ? null : baseline.version();
        if (check.scenarios() == null) {
            return new DryRunReport(check.version(), baselineVersion, false, files, check.findings(), null, null,
                    "not decided: the candidate does not compile or has lint errors (see findings)");
        }
        if (baseline == null) {
            return new DryRunReport(check.version(), null, check.accepted(), files, check.findings(), check.scenarios(),
                    null, "not computed: no baseline ruleset to compare with");
        }
        ImpactReport impact;
        try {
            impact = ImpactAnalyzer.analyze(population.get(), baseline, check.compiled(), pool);
        } catch (UncheckedIOException e) {
            return new DryRunReport(check.version(), baselineVersion, check.accepted(), files, check.findings(),
                    check.scenarios(), null, "not computed: " + e.getMessage());
        }
        return new DryRunReport(check.version(), baselineVersion, check.accepted(), files, check.findings(),
                check.scenarios(), impact, null);
    }
}

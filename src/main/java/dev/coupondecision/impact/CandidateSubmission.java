package dev.coupondecision.impact;

import dev.coupondecision.activation.RulesetRegistry;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioSet;
import dev.coupondecision.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A candidate ruleset handed in by an analyst (API or console): laid over the active ruleset (or taken as a full
 * set), checked by the gate, its impact computed against the active version, and kept in the store with its
 * report. Nothing is activated: that takes an approver.
 */
@ApplicationScoped
public class CandidateSubmission {
    private final RulesetRegistry registry;
    private final RulesetDryRun dryRun;

    public CandidateSubmission(RulesetRegistry registry, RulesetDryRun dryRun) {
        this.registry = registry;
        this.dryRun = dryRun;
    }

    /**
     * @param rules     rule files that replace or add to the active ones (all of them when {@code fullSet})
     * @param scenarios scenario files (path below scenarios/ to bytes) that replace or add to the active ones
     */
    public DryRunReport submit(List<RuleFile> rules, Map<String, byte[]> scenarios, boolean fullSet,
                               RulesetStore.Origin origin) {
        CompiledRuleset active = registry.serving();
        RulesetSnapshot serving = registry.servingSnapshot();
        RuleFileSet files = fullSet ? RuleFileSet.of(rules) : CandidateFiles.overlay(active.files(), rules);
        Map<String, byte[]> scenarioFiles = new TreeMap<>(fullSet && !scenarios.isEmpty() ? Map.of()
                : serving.scenarios().files());
        scenarioFiles.putAll(scenarios);
        ScenarioSet scenarioSet = ScenarioLoader.read(scenarioFiles);
        RulesetSnapshot candidate = new RulesetSnapshot(files, scenarioSet);
        DryRunReport report = dryRun.run(candidate, active);
        registry.keepReport(candidate, report.accepted(), report, origin);
        return report;
    }
}

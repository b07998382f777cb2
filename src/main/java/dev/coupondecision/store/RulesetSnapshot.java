package dev.coupondecision.store;

import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.scenario.ScenarioSet;

import java.nio.file.Path;

/**
 * Everything a check depends on, read once: the rule files and the regression scenarios. The key names both, so a
 * table rejected against old scenarios is checked again when updated scenarios arrive (Kubernetes delivers the
 * two folders one after the other), and the key always belongs to the bytes that were checked.
 */
public record RulesetSnapshot(RuleFileSet files, ScenarioSet scenarios) {

    /** The content key: the rule files' version and the scenarios' fingerprint. */
    public String key() {
        return files.version() + "+" + scenarios.fingerprint();
    }

    /** Reads the rule folders and the scenario folder, each file once. */
    public static RulesetSnapshot read(Path rules, Path tables, Path scenarios) {
        return new RulesetSnapshot(RuleFileSet.read(rules, tables), ScenarioLoader.read(scenarios));
    }
}

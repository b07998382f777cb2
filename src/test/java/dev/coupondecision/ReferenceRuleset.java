package dev.coupondecision;

import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The frozen reference ruleset under src/test/resources/reference-ruleset (see its README): the policy the engine's
 * tests and {@code ReferencePolicy} are written against, independent of the shipped, analyst-owned folders.
 */
public final class ReferenceRuleset {
    public static final Path ROOT = Path.of("src/test/resources/reference-ruleset");
    public static final Path RULES = ROOT.resolve("rules");
    public static final Path TABLES = ROOT.resolve("decision-tables");
    public static final Path SCENARIOS = ROOT.resolve("scenarios");
    private static CompiledRuleset compiled;

    private ReferenceRuleset() {
    }

    /** The reference ruleset compiled once for the engine-level tests. */
    public static synchronized CompiledRuleset get() {
        if (compiled == null) {
            compiled = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(RuleFileSet.read(RULES, TABLES));
        }
        return compiled;
    }
}

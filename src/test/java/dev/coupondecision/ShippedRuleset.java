package dev.coupondecision;

import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;

import java.nio.file.Path;
import java.time.Clock;

/** The rules shipped in rules/ and decision-tables/, compiled once for the engine-level tests. */
public final class ShippedRuleset {
    private static CompiledRuleset compiled;

    private ShippedRuleset() {
    }

    public static synchronized CompiledRuleset get() {
        if (compiled == null) {
            compiled = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT)
                    .compile(RuleFileSet.read(Path.of("rules"), Path.of("decision-tables")));
        }
        return compiled;
    }
}

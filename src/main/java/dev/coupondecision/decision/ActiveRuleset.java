package dev.coupondecision.decision;

import dev.coupondecision.ruleset.CompiledRuleset;

/** Which ruleset decides now: implemented by the registry that loads, checks and swaps rulesets. */
public interface ActiveRuleset {

    /**
     * The ruleset serving decisions now; a decision reads it once and finishes on it.
     *
     * @throws IllegalStateException before the first ruleset is loaded
     */
    CompiledRuleset serving();
}

package dev.coupondecision.activation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RulesetCompiler;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.store.StoredRuleset;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Stored versions compiled for the simulator and replays: the serving one as it serves, others compiled on first use and kept
 * (the few most recent), so that trying profiles on a candidate costs one compilation.
 */
@ApplicationScoped
public class CompiledVersions {
    private final RulesetRegistry registry;
    private final RulesetCompiler compiler;
    private final Cache<String, CompiledRuleset> cache = Caffeine.newBuilder().maximumSize(4).build();

    public CompiledVersions(RulesetRegistry registry, DecisionConfig config, Clock clock) {
        this.registry = registry;
        this.compiler = new RulesetCompiler(clock, WorkbookLimits.from(config.ruleFiles()));
    }

    /** @throws dev.coupondecision.ruleset.RulesetException when the version does not compile (a rejected one) */
    public CompiledRuleset of(StoredRuleset stored) {
        String version = stored.entry().version();
        CompiledRuleset serving = registry.serving();
        if (serving.version().equals(version)) {
            return serving;
        }
        return cache.get(version, v -> compiler.compile(stored.snapshot().files()));
    }
}

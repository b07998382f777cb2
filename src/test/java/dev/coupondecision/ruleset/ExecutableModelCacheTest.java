package dev.coupondecision.ruleset;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.CustomerFacts;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.reference.RandomProfiles;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled executable model is built once per ruleset and engine release and loaded from the cache afterwards
 * (a restart, another replica), deciding exactly as the freshly built one; a cache entry that does not load is
 * built again instead of failing the compile.
 */
class ExecutableModelCacheTest {
    private static final RequestParser PARSER = new RequestParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    /** A cache that counts what it is asked. */
    private static final class CountingCache implements CompiledModuleCache {
        final Map<String, byte[]> modules = new ConcurrentHashMap<>();
        int puts;

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(modules.get(key));
        }

        @Override
        public void put(String key, byte[] module) {
            puts++;
            modules.put(key, module);
        }
    }

    @Test
    void aRulesetIsBuiltOnceAndTheLoadedModuleDecidesAsTheBuiltOne() {
        CountingCache cache = new CountingCache();
        RuleFileSet files = ReferenceRuleset.get().files();
        CompiledRuleset built = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT, cache).compile(files);
        CompiledRuleset loaded = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT, cache).compile(files);

        assertThat(cache.puts).isEqualTo(1);
        assertThat(cache.modules).containsOnlyKeys(files.version() + "/" + ExecutableModel.ENGINE);
        assertThat(ExecutableModel.ENGINE).startsWith("drools-10.");
        assertThat(outcomes(loaded)).isEqualTo(outcomes(built));
    }

    @Test
    void aCachedModuleThatDoesNotLoadIsBuiltAgain() {
        CountingCache cache = new CountingCache();
        RuleFileSet files = ReferenceRuleset.get().files();
        cache.modules.put(files.version() + "/" + ExecutableModel.ENGINE, new byte[] {'P', 'K', 3, 4, 0});

        CompiledRuleset compiled = new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT, cache).compile(files);

        assertThat(cache.puts).isEqualTo(1);
        assertThat(outcomes(compiled)).isEqualTo(outcomes(ReferenceRuleset.get()));
    }

    @Test
    void rulesTheEngineCannotBuildAreReportedNotThrownAsSomethingElse() {
        List<ExecutableModel.Drl> drls = List.of(new ExecutableModel.Drl("broken.drl",
                "package dev.coupondecision.rules.broken;\nrule \"x\" when then this is not java end"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExecutableModel.build("broken", drls,
                        getClass().getClassLoader(), CompiledModuleCache.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not build");
    }

    private static List<String> outcomes(CompiledRuleset ruleset) {
        Random random = new Random(42);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            DecisionRequest request = PARSER.parse(RandomProfiles.next(random).json());
            RuleOutcome outcome = ruleset.evaluate(CustomerFacts.customer(request), CustomerFacts.history(request));
            outcomes.add(outcome.decision().getTier() + " " + outcome.decision().getCouponType() + " "
                    + outcome.decision().getSuppressions().size() + " " + outcome.firedRules());
        }
        return outcomes;
    }
}

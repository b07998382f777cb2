package dev.coupondecision.scenario;

import dev.coupondecision.ShippedRuleset;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.ruleset.FiredRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario in scenarios/ against the shipped rules; each scenario file is one test. */
class ScenarioRegressionTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    private static List<ScenarioResult> results;

    static List<Scenario> scenarios() {
        return ScenarioLoader.read(Path.of("scenarios")).scenarios();
    }

    @BeforeAll
    static void runAll() {
        results = RUNNER.runAll(scenarios(), ShippedRuleset.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(Scenario scenario) {
        ScenarioResult result = RUNNER.run(scenario, ShippedRuleset.get());
        assertThat(result.mismatches()).as("%s (%s)", scenario.name(), scenario.file()).isEmpty();
    }

    @Test
    void everyShippedTableRowIsReachedByAScenario() {
        Set<String> reached = results.stream().flatMap(r -> r.firedSources().stream()).collect(Collectors.toSet());
        Set<String> unreached = ShippedRuleset.get().rules().stream().map(FiredRule::source)
                .filter(source -> !reached.contains(source))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unreached).as("rules no scenario reaches").isEmpty();
    }

    @Test
    void everySuppressionAndEveryCapIsPinnedByAScenario() {
        String allExpectations = scenarios().stream().map(s -> s.expect().toString()).collect(Collectors.joining());
        for (SuppressionCode code : SuppressionCode.values()) {
            assertThat(allExpectations).as("a scenario expecting %s", code).contains("\"" + code + "\"");
        }
        for (String cap : List.of("TIER", "TWO_IN_3_DAYS", "ONE_IN_7_DAYS", "RECALL_TWO_IN_30_DAYS")) {
            assertThat(allExpectations).as("a scenario expecting cap %s", cap).contains("\"" + cap + "\"");
        }
    }
}

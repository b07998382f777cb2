package dev.coupondecision.scenario;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.config.StandaloneConfig;
import dev.coupondecision.ruleset.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped policy as the analysts left it: rules/, decision-tables/ and scenarios/ pass the very gate the service
 * runs before activating a ruleset and {@code bin/rules validate} runs on a desk (lint, compile, every scenario, every
 * rule reached by a scenario), configured as the service is. One verdict, wherever it is asked for. Each scenario is
 * also its own test, so a failure names its file.
 */
class ScenarioRegressionTest {
    private static final Path RULES = Path.of("rules");
    private static final Path TABLES = Path.of("decision-tables");
    private static final Path SCENARIOS = Path.of("scenarios");
    private static RulesetCheck check;

    private static synchronized RulesetCheck check() {
        if (check == null) {
            check = RulesetVerifier.configured(StandaloneConfig.load(Map.of()), Clock.systemUTC())
                    .verify(RulesetSnapshot.read(RULES, TABLES, SCENARIOS));
        }
        return check;
    }

    static List<Scenario> scenarios() {
        return ScenarioLoader.read(SCENARIOS).scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(Scenario scenario) {
        assertThat(check().compiled()).as("the shipped rules compile: %s", check().findings()).isNotNull();
        ScenarioResult result = new ScenarioRunner(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")).run(scenario, check().compiled());
        assertThat(result.mismatches()).as("%s (%s)", scenario.name(), scenario.file()).isEmpty();
    }

    @Test
    void theShippedRulesPassTheGateTheServiceRuns() {
        assertThat(check().findings()).filteredOn(f -> f.severity() == Finding.Severity.ERROR)
                .as("findings: every table row and DRL rule must be reached by a scenario").isEmpty();
        assertThat(check().accepted()).as(check().report()).isTrue();
    }
}

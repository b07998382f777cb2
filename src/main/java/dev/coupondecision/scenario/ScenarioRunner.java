package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.FiredRule;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Runs regression scenarios against a compiled ruleset, without HTTP. */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    private final RequestParser parser;

    /** Scenarios must state {@code asOf}; the clock only fills it for those that do not. */
    public ScenarioRunner(Clock clock, ZoneId defaultZone) {
        this.parser = new RequestParser(clock, defaultZone);
    }

    public List<ScenarioResult> runAll(List<Scenario> scenarios, CompiledRuleset ruleset) {
        return scenarios.stream().map(scenario -> run(scenario, ruleset)).toList();
    }

    public ScenarioResult run(Scenario scenario, CompiledRuleset ruleset) {
        DecisionResponse response;
        try {
            response = Decider.decide(parser.parse(scenario.request()), ruleset);
        } catch (InvalidRequestException e) {
            return new ScenarioResult(scenario.file(), scenario.name(), List.of(new ScenarioResult.Mismatch("request",
                    scenario.request(), JSON.valueToTree(e.violations()))), List.of());
        }
        JsonNode actual = JSON.valueToTree(response);
        List<String> fired = response.firedRules().stream().map(FiredRule::source).toList();
        return new ScenarioResult(scenario.file(), scenario.name(), JsonSubset.mismatches(scenario.expect(), actual), fired);
    }
}

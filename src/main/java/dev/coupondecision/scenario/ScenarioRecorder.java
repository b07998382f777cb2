package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.CompiledRuleset;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Makes a new scenario from a customer profile: the profile becomes the request (with {@code asOf} fixed to now when
 * it has none, so the scenario decides the same every day), and what the rules decide for it becomes the
 * expectation, in the fields scenarios pin (tier, coupon, frequency cap, eligibility, suppressions, next eligible
 * moment, send window).
 */
public final class ScenarioRecorder {
    /** The decision fields a scenario pins; ids, versions and fired rules change with every edit. */
    public static final List<String> PINNED = List.of("tier", "coupon", "frequencyCap", "eligible", "suppressions",
            "nextEligibleAt", "sendWindow");
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    private final Clock clock;
    private final RequestParser parser;

    public ScenarioRecorder(Clock clock, ZoneId defaultZone) {
        this.clock = clock;
        this.parser = new RequestParser(clock, defaultZone);
    }

    /** The scenario as it will be written, and the decision it pins. */
    public record Recorded(ObjectNode scenario, DecisionResponse decision) {
    }

    /** @throws dev.coupondecision.decision.request.InvalidRequestException when the service would refuse the profile */
    public Recorded record(String name, String description, JsonNode profile, CompiledRuleset rules) {
        if (!profile.isObject()) {
            throw new IllegalArgumentException("a profile is a JSON object like the body of POST /decide");
        }
        ObjectNode request = profile.deepCopy();
        if (!request.hasNonNull("asOf")) {
            request.put("asOf", OffsetDateTime.now(clock).withNano(0).toString());
        }
        DecisionResponse decision = Decider.decide(parser.parse(request), rules);
        JsonNode actual = JSON.valueToTree(decision);
        ObjectNode scenario = JSON.createObjectNode();
        scenario.put("name", name);
        if (description != null && !description.isBlank()) {
            scenario.put("description", description);
        }
        scenario.set("request", request);
        ObjectNode expect = scenario.putObject("expect");
        PINNED.forEach(field -> expect.set(field, ScenarioJson.plain(actual.get(field))));
        return new Recorded(scenario, decision);
    }
}

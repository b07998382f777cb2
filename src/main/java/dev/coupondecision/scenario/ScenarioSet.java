package dev.coupondecision.scenario;

import java.util.List;

/**
 * The regression scenarios of one ruleset, with a fingerprint of their files (names and bytes as read), so that a
 * ruleset is identified by its rules and its scenarios together.
 */
public record ScenarioSet(List<Scenario> scenarios, String fingerprint) {

    public ScenarioSet {
        scenarios = List.copyOf(scenarios);
    }
}

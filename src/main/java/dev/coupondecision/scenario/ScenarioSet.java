package dev.coupondecision.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regression scenarios of one ruleset, with a fingerprint of their files (names and bytes as read), so that a
 * ruleset is identified by its rules and its scenarios together, and the files themselves (relative name, e.g.
 * {@code tiers/x.json}, to bytes) so that a ruleset can be stored and restored with the scenarios it passed.
 */
public record ScenarioSet(List<Scenario> scenarios, String fingerprint, Map<String, byte[]> files) {

    public ScenarioSet {
        scenarios = List.copyOf(scenarios);
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }
}

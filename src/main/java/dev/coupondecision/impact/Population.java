package dev.coupondecision.impact;

import dev.coupondecision.decision.request.DecisionRequest;

import java.util.List;

/**
 * The customers an impact report decides twice, once per ruleset, and where they came from.
 *
 * @param source  what the profiles are, e.g. {@code synthetic: 10000 profiles, seed 20261120} or the file
 * @param skipped the first few skipped lines of a population file, each with its line number and reason
 */
public record Population(String source, List<DecisionRequest> requests, int skippedLines, List<String> skipped) {

    public Population {
        requests = List.copyOf(requests);
        skipped = List.copyOf(skipped);
    }
}

package dev.coupondecision.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coupondecision.decision.request.DecisionRequest;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a candidate ruleset would change: the same population decided by the baseline (active) and by the
 * candidate rules, compared customer by customer.
 *
 * <p>A decision <em>changes</em> when its tier, its coupon type or its eligibility differs; {@code changed}
 * counts those. A decision whose tier, coupon type and eligibility stay but whose coupon terms (amount off, min
 * spend, percent off, valid hours, category, variant), frequency cap or send window differ is counted in
 * {@code changedTermsOnly} instead, so that an edit of amounts shows as "0 changed, N with new terms".
 * Each kind of change lists up to {@value ChangeTally#EXAMPLES} example customer ids, in population order.
 *
 * @param tierChangeCount        customers whose tier moved (the sum of {@code tierChanges})
 * @param couponTypeChangeCount  customers whose coupon type changed
 * @param eligibilityChangeCount customers whose eligibility flipped
 * @param tierMatrix           baseline tier → candidate tier → customers (non-zero cells, diagonal included)
 * @param tierChanges          the off-diagonal cells of the matrix, with examples
 * @param couponTypeChanges    coupon type (or {@code (none)}) before → after
 * @param eligibilityChanges   {@code eligible} → {@code ineligible} and back
 * @param couponTermChanges    same coupon type, a term changed: per tier, coupon type, term, old and new value
 * @param frequencyCapChanges  cap before → after (e.g. {@code 4 in 30 days})
 * @param sendWindowChanges    customers whose next send window moved
 * @param failedDecisions      customers a ruleset could not decide (an exception in a rule)
 * @param exampleProfiles      who each example customer id above is: id → the profile in one line
 */
public record ImpactReport(String baselineVersion, String candidateVersion, PopulationSummary population,
                           int decided, int changed, int changedTermsOnly,
                           int tierChangeCount, int couponTypeChangeCount, int eligibilityChangeCount,
                           Map<String, Map<String, Integer>> tierMatrix,
                           List<Transition> tierChanges, List<Transition> couponTypeChanges,
                           List<Transition> eligibilityChanges, List<TermChange> couponTermChanges,
                           List<Transition> frequencyCapChanges, Examples sendWindowChanges,
                           Failures failedDecisions, Map<String, String> exampleProfiles) {

    /** Where the population came from and how much of it could be used. */
    public record PopulationSummary(String source, int size, int skippedLines, List<String> skipped) {
    }

    /** {@code count} customers went from {@code from} to {@code to}. */
    public record Transition(String from, String to, int count, List<String> examples) {
    }

    /** {@code count} customers of a tier keep their coupon type but get a different value for one term. */
    public record TermChange(String tier, String couponType, String term, String from, String to, int count,
                             List<String> examples) {
    }

    public ImpactReport {
        exampleProfiles = Collections.unmodifiableMap(new TreeMap<>(exampleProfiles));
    }

    public record Examples(int count, List<String> examples) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failures(int count, List<String> examples, String firstError) {
    }

    /** The same report with the profile of every example id it names. */
    ImpactReport withExampleProfiles(Population decidedPopulation) {
        Set<String> ids = new HashSet<>();
        Stream.of(tierChanges, couponTypeChanges, eligibilityChanges, frequencyCapChanges)
                .flatMap(List::stream).forEach(t -> ids.addAll(t.examples()));
        couponTermChanges.forEach(t -> ids.addAll(t.examples()));
        ids.addAll(sendWindowChanges.examples());
        ids.addAll(failedDecisions.examples());
        Map<String, String> profiles = new TreeMap<>();
        for (DecisionRequest request : decidedPopulation.requests()) {
            if (ids.contains(request.customerId())) {
                profiles.putIfAbsent(request.customerId(), ProfileSummary.of(request));
            }
        }
        return new ImpactReport(baselineVersion, candidateVersion, population, decided, changed, changedTermsOnly,
                tierChangeCount, couponTypeChangeCount, eligibilityChangeCount, tierMatrix, tierChanges,
                couponTypeChanges, eligibilityChanges, couponTermChanges, frequencyCapChanges, sendWindowChanges,
                failedDecisions, profiles);
    }
}

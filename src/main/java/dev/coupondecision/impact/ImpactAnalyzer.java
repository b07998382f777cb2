package dev.coupondecision.impact;

import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.impact.ChangeTally.FromTo;
import dev.coupondecision.ruleset.CompiledRuleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Decides every profile of a population with a baseline and a candidate ruleset and tallies what differs.
 * Decisions run in parallel; the tally runs in population order, so the same inputs always give the same report.
 */
public final class ImpactAnalyzer {
    private static final List<String> TIER_ORDER = tierOrder();

    private final ChangeTally<FromTo> tiers = new ChangeTally<>();
    private final ChangeTally<FromTo> couponTypes = new ChangeTally<>();
    private final ChangeTally<FromTo> eligibility = new ChangeTally<>();
    private final ChangeTally<List<String>> terms = new ChangeTally<>();
    private final ChangeTally<FromTo> caps = new ChangeTally<>();
    private final ChangeTally<String> windows = new ChangeTally<>();
    private final ChangeTally<String> failures = new ChangeTally<>();
    private final Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
    private String firstError;
    private int decided;
    private int changed;
    private int changedTermsOnly;

    private ImpactAnalyzer() {
    }

    public static ImpactReport analyze(Population population, CompiledRuleset baseline, CompiledRuleset candidate,
                                       ExecutorService pool) {
        Outcome[] outcomes = ParallelDecisions.map(population.requests(), r -> Outcome.of(r, baseline, candidate),
                Outcome[]::new, pool);
        ImpactAnalyzer analyzer = new ImpactAnalyzer();
        for (Outcome outcome : outcomes) {
            analyzer.compare(outcome);
        }
        return analyzer.report(population, baseline.version(), candidate.version());
    }

    /** One customer decided by both rulesets, or the error that stopped it. */
    private record Outcome(String customerId, DecisionSnapshot before, DecisionSnapshot after, RuntimeException error) {
        static Outcome of(DecisionRequest request, CompiledRuleset baseline, CompiledRuleset candidate) {
            try {
                return new Outcome(request.customerId(), DecisionSnapshot.of(Decider.decide(request, baseline)),
                        DecisionSnapshot.of(Decider.decide(request, candidate)), null);
            } catch (RuntimeException e) {
                return new Outcome(request.customerId(), null, null, e);
            }
        }
    }

    private void compare(Outcome outcome) {
        String id = outcome.customerId();
        if (outcome.error() != null) {
            failures.add("failed", id);
            if (firstError == null) {
                firstError = id + ": " + outcome.error();
            }
            return;
        }
        DecisionSnapshot before = outcome.before();
        DecisionSnapshot after = outcome.after();
        decided++;
        matrix.computeIfAbsent(before.tier(), t -> new LinkedHashMap<>()).merge(after.tier(), 1, Integer::sum);
        boolean headline = tally(tiers, before.tier(), after.tier(), id)
                | tally(couponTypes, before.couponType(), after.couponType(), id)
                | tally(eligibility, before.eligibility(), after.eligibility(), id);
        boolean other = tallyTerms(before, after, id)
                | tally(caps, before.frequencyCap(), after.frequencyCap(), id);
        if (!before.sendWindow().equals(after.sendWindow())) {
            windows.add("moved", id);
            other = true;
        }
        if (headline) {
            changed++;
        } else if (other) {
            changedTermsOnly++;
        }
    }

    private static boolean tally(ChangeTally<FromTo> tally, String before, String after, String id) {
        if (before.equals(after)) {
            return false;
        }
        tally.add(new FromTo(before, after), id);
        return true;
    }

    /** Terms are compared only while the coupon type stays: a new type is a coupon-type change. */
    private boolean tallyTerms(DecisionSnapshot before, DecisionSnapshot after, String id) {
        if (!before.couponType().equals(after.couponType())) {
            return false;
        }
        String tier = before.tier().equals(after.tier()) ? after.tier() : before.tier() + " → " + after.tier();
        boolean any = false;
        for (Map.Entry<String, String> term : after.couponTerms().entrySet()) {
            String old = before.couponTerms().get(term.getKey());
            if (!Objects.equals(old, term.getValue())) {
                terms.add(List.of(tier, after.couponType(), term.getKey(), String.valueOf(old), term.getValue()), id);
                any = true;
            }
        }
        return any;
    }

    private ImpactReport report(Population population, String baselineVersion, String candidateVersion) {
        ImpactReport report = new ImpactReport(baselineVersion, candidateVersion,
                new ImpactReport.PopulationSummary(population.source(), population.requests().size(),
                        population.skippedLines(), population.skipped()),
                decided, changed, changedTermsOnly, tiers.total(), couponTypes.total(), eligibility.total(),
                sortedMatrix(),
                transitions(tiers), transitions(couponTypes), transitions(eligibility),
                terms.entries((k, count, examples) -> new ImpactReport.TermChange(k.get(0), k.get(1), k.get(2),
                        k.get(3), k.get(4), count, examples)),
                transitions(caps),
                new ImpactReport.Examples(windows.total(), windows.entries((k, c, examples) -> examples).stream()
                        .findFirst().orElse(List.of())),
                new ImpactReport.Failures(failures.total(), failures.entries((k, c, examples) -> examples).stream()
                        .findFirst().orElse(List.of()), firstError), Map.of());
        return report.withExampleProfiles(population);
    }

    private static List<ImpactReport.Transition> transitions(ChangeTally<FromTo> tally) {
        return tally.entries((k, count, examples) -> new ImpactReport.Transition(k.from(), k.to(), count, examples));
    }

    /** Rows and columns in the tier enum's order (the tier table's order), then anything else. */
    private Map<String, Map<String, Integer>> sortedMatrix() {
        Map<String, Map<String, Integer>> sorted = new LinkedHashMap<>();
        for (String from : order(matrix.keySet())) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String to : order(matrix.get(from).keySet())) {
                row.put(to, matrix.get(from).get(to));
            }
            sorted.put(from, row);
        }
        return sorted;
    }

    private static List<String> order(Set<String> tiers) {
        List<String> ordered = new ArrayList<>(tiers);
        ordered.sort(Comparator.comparingInt(ImpactAnalyzer::rank).thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    private static int rank(String tier) {
        int index = TIER_ORDER.indexOf(tier);
        return index < 0 ? TIER_ORDER.size() : index;
    }

    private static List<String> tierOrder() {
        return Arrays.stream(Tier.values()).map(Tier::name).toList();
    }
}

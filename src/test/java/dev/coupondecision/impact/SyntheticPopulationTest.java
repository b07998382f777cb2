package dev.coupondecision.impact;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.FiredRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic population is big enough, always the same, and reaches every tier and every table row. */
class SyntheticPopulationTest {
    private static Population population;
    private static List<DecisionResponse> decisions;

    @BeforeAll
    static void decideAll() {
        population = SyntheticPopulation.generate(10_000);
        decisions = population.requests().stream().map(r -> Decider.decide(r, ReferenceRuleset.get())).toList();
    }

    @Test
    void hasTheConfiguredSizeAtTheFixedInstant() {
        assertThat(population.requests()).hasSize(10_000);
        assertThat(population.requests()).allSatisfy(r -> {
            assertThat(r.asOf()).isEqualTo(SyntheticPopulation.AS_OF);
            assertThat(r.timezone()).isEqualTo(SyntheticPopulation.ZONE);
        });
        assertThat(population.requests().stream().map(DecisionRequest::customerId).distinct()).hasSize(10_000);
    }

    @Test
    void isTheSameOnEveryRun() {
        assertThat(SyntheticPopulation.generate(10_000).requests()).isEqualTo(population.requests());
        assertThat(SyntheticPopulation.generate(10_000, 7L).requests()).isNotEqualTo(population.requests());
    }

    @Test
    void spansEveryTier() {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        decisions.forEach(d -> tiers.add(d.tier()));
        assertThat(tiers).containsExactlyInAnyOrder(Tier.values());
    }

    @Test
    void reachesEveryCouponRowAndEveryOtherTableRow() {
        Set<String> fired = new HashSet<>();
        decisions.forEach(d -> d.firedRules().forEach(rule -> fired.add(rule.source())));
        List<String> tableRows = ReferenceRuleset.get().rules().stream().map(FiredRule::source)
                .filter(source -> source.contains(".xlsx")).toList();
        assertThat(tableRows).filteredOn(source -> source.startsWith("coupons.xlsx")).hasSize(11);
        assertThat(fired).containsAll(tableRows);
    }

    @Test
    void hasContactHistoriesThatTriggerEveryKindOfSuppression() {
        assertThat(population.requests()).filteredOn(r -> !r.contactHistory().isEmpty())
                .hasSizeBetween(3_000, 6_000);
        Set<String> codes = new HashSet<>();
        decisions.forEach(d -> d.suppressions().forEach(s -> codes.add(s.code() + (s.cap() == null ? "" : " " + s.cap()))));
        assertThat(codes).contains("NO_CONSENT", "UNSUBSCRIBED", "NO_OFFER", "DUPLICATE_CAMPAIGN",
                "FREQUENCY_CAP TIER", "FREQUENCY_CAP TWO_IN_3_DAYS", "FREQUENCY_CAP ONE_IN_7_DAYS",
                "FREQUENCY_CAP RECALL_TWO_IN_30_DAYS");
        assertThat(decisions).filteredOn(DecisionResponse::eligible).hasSizeGreaterThan(1_000);
    }

    @Test
    void givesIdenticalImpactReportsOnTwoRuns() {
        CompiledRuleset edited = EditedRulesets.withCell("tiers.xlsx", "Churned: no purchase for over 180 days",
                "Last purchase over days ago", 150);
        ImpactReport first = ImpactAnalyzer.analyze(SyntheticPopulation.generate(10_000), ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());
        ImpactReport second = ImpactAnalyzer.analyze(SyntheticPopulation.generate(10_000), ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());
        assertThat(second).isEqualTo(first);
        assertThat(first.changed()).isPositive();
    }

    @Test
    void theSameRulesChangeNothing() {
        ImpactReport report = ImpactAnalyzer.analyze(population, ReferenceRuleset.get(), ReferenceRuleset.get(), ForkJoinPool.commonPool());
        assertThat(report.decided()).isEqualTo(10_000);
        assertThat(report.changed()).isZero();
        assertThat(report.changedTermsOnly()).isZero();
        assertThat(report.tierChanges()).isEmpty();
        assertThat(report.tierMatrix()).allSatisfy((from, row) -> assertThat(row).containsOnlyKeys(from));
        assertThat(report.tierMatrix().values().stream().mapToInt(row -> row.values().stream().mapToInt(i -> i).sum()).sum())
                .isEqualTo(10_000);
    }
}

package dev.coupondecision.impact;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What an edited table changes on the synthetic population, decided by the engine without HTTP. */
class ImpactAnalyzerTest {
    private static final Population POPULATION = SyntheticPopulation.generate(10_000);
    private static final LocalDate TODAY = SyntheticPopulation.AS_OF.atZone(SyntheticPopulation.ZONE).toLocalDate();

    @Test
    void aNewAmountIsATermChangeOfTheDormantCouponOnly() {
        CompiledRuleset edited = EditedRulesets.withCell("coupons.xlsx", "Dormant", "Amount off", 35);
        ImpactReport report = ImpactAnalyzer.analyze(POPULATION, ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());

        assertThat(report.changed()).isZero();
        assertThat(report.tierChanges()).isEmpty();
        assertThat(report.couponTypeChanges()).isEmpty();
        assertThat(report.eligibilityChanges()).isEmpty();
        assertThat(report.couponTermChanges())
                .extracting(ImpactReport.TermChange::tier, ImpactReport.TermChange::couponType,
                        ImpactReport.TermChange::term, ImpactReport.TermChange::from, ImpactReport.TermChange::to)
                .containsExactly(tuple("DORMANT", "NO_THRESHOLD", "amountOff", "30", "35"));
        int dormant = report.tierMatrix().get("DORMANT").get("DORMANT");
        assertThat(report.couponTermChanges().get(0).count()).isEqualTo(dormant);
        assertThat(report.changedTermsOnly()).isEqualTo(dormant);
        assertThat(report.couponTermChanges().get(0).examples()).hasSize(5);
    }

    @Test
    void aLowerChurnThresholdMovesDormantCustomersToChurned() {
        CompiledRuleset edited = EditedRulesets.withCell("tiers.xlsx", "Churned: no purchase for over 180 days",
                "Last purchase over days ago", 150);
        ImpactReport report = ImpactAnalyzer.analyze(POPULATION, ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());

        assertThat(report.tierChanges()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("DORMANT");
            assertThat(t.to()).isEqualTo("CHURNED");
            assertThat(t.examples()).hasSize(5);
        });
        int moved = report.tierChanges().get(0).count();
        assertThat(report.tierMatrix().get("DORMANT").get("CHURNED")).isEqualTo(moved);
        assertThat(report.couponTypeChanges()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("NO_THRESHOLD");
            assertThat(t.to()).isEqualTo("SPEND_AND_SAVE");
            assertThat(t.count()).isEqualTo(moved);
        });
        Map<String, DecisionRequest> byId = POPULATION.requests().stream()
                .collect(Collectors.toMap(DecisionRequest::customerId, Function.identity()));
        for (String id : report.tierChanges().get(0).examples()) {
            long recency = ChronoUnit.DAYS.between(byId.get(id).lastPurchaseDate(), TODAY);
            assertThat(recency).as("days since %s's last purchase", id).isBetween(151L, 180L);
        }
    }

    @Test
    void noOfferForDormantCustomersMakesThemIneligible() {
        CompiledRuleset edited = EditedRulesets.withCell("coupons.xlsx", "Dormant", "Coupon type", "NONE");
        ImpactReport report = ImpactAnalyzer.analyze(POPULATION, ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());

        assertThat(report.tierChanges()).isEmpty();
        assertThat(report.couponTypeChanges()).extracting(ImpactReport.Transition::from, ImpactReport.Transition::to)
                .containsExactly(tuple("NO_THRESHOLD", "NONE"));
        assertThat(report.eligibilityChanges()).extracting(ImpactReport.Transition::from, ImpactReport.Transition::to)
                .containsExactly(tuple("eligible", "ineligible"));
        assertThat(report.eligibilityChangeCount()).isPositive()
                .isLessThan(report.couponTypeChangeCount());
        assertThat(report.changed()).isEqualTo(report.couponTypeChangeCount());
    }

    @Test
    void examplesAreTheFirstCustomersInPopulationOrder() {
        CompiledRuleset edited = EditedRulesets.withCell("coupons.xlsx", "Dormant", "Amount off", 35);
        ImpactReport report = ImpactAnalyzer.analyze(POPULATION, ReferenceRuleset.get(), edited, ForkJoinPool.commonPool());
        List<String> examples = report.couponTermChanges().get(0).examples();
        assertThat(examples).isSorted();
        String firstDormant = POPULATION.requests().stream().map(DecisionRequest::customerId)
                .filter(examples::contains).findFirst().orElseThrow();
        assertThat(examples.get(0)).isEqualTo(firstDormant);
    }
}

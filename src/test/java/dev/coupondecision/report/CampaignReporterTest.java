package dev.coupondecision.report;

import dev.coupondecision.decisionlog.CampaignDecision;
import dev.coupondecision.outcome.OutcomeStore.CampaignOutcome;
import dev.coupondecision.outcome.OutcomeType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A fixture small enough to compute by hand (the numbers in the comments), so every figure of the report is pinned:
 * groups by latest decision, distinct redeemers, revenue, coupon cost for amount and percent coupons, uplift and its
 * interval, money, a breakdown, A/B variants, unmatched outcomes.
 */
class CampaignReporterTest {
    private static final String ACTIVE_ROW = "Active spend and save";
    private static final String HIGH_ROW = "High value member discount";
    private static final Instant DAY1 = Instant.parse("2026-11-18T04:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-19T04:00:00Z");

    private static CampaignDecision active(String customer, boolean holdout, String variant, Instant at) {
        return new CampaignDecision(customer, at, holdout, !holdout, "ACTIVE", "SPEND_AND_SAVE", new BigDecimal("30"), null,
                variant == null ? null : "exp", variant, ACTIVE_ROW, "coupons.xlsx › Coupons › row 15");
    }

    private static CampaignDecision high(String customer, boolean holdout, Instant at) {
        return new CampaignDecision(customer, at, holdout, !holdout, "HIGH_VALUE", "MEMBER_DISCOUNT", null,
                new BigDecimal("15"), null, null, HIGH_ROW, "coupons.xlsx › Coupons › row 13");
    }

    private static CampaignOutcome sent(String customer) {
        return new CampaignOutcome(customer, OutcomeType.SENT, null);
    }

    private static CampaignOutcome redeemed(String customer, String amount) {
        return new CampaignOutcome(customer, OutcomeType.REDEEMED, new BigDecimal(amount));
    }

    private final CampaignReport report = CampaignReporter.report("fx", List.of(
            active("t1", false, "A", DAY1), active("t2", false, "B", DAY1), high("t3", false, DAY1),
            high("t4", true, DAY1), high("t4", false, DAY2), // t4 counts in the group of its latest decision: treated
            active("h1", true, null, DAY1), high("h2", true, DAY1)), List.of(
            sent("t1"), redeemed("t1", "200"), sent("t2"), sent("t3"), redeemed("t3", "100"),
            sent("t4"), redeemed("t4", "50"), redeemed("t4", "70"), redeemed("h1", "80"), redeemed("x9", "10")));

    @Test
    void groupsCountEachCustomerOnceInTheGroupOfTheirLatestDecision() {
        GroupStats treated = report.groups().get("treated");
        assertThat(treated.customers()).isEqualTo(4);
        assertThat(treated.sent()).isEqualTo(4);
        assertThat(treated.redeemed()).isEqualTo(3); // t1, t3, t4 (twice, counted once)
        assertThat(treated.redemptionRate()).isEqualTo(0.75);
        assertThat(treated.revenue()).isEqualByComparingTo("420"); // 200 + 100 + 50 + 70
        assertThat(treated.revenuePerCustomer()).isEqualByComparingTo("105.0000");
        assertThat(treated.couponCost()).isEqualByComparingTo("63.00"); // 30 + 15% of 100 + 15% of 50 + 15% of 70
        GroupStats holdout = report.groups().get("holdout");
        assertThat(holdout.customers()).isEqualTo(2);
        assertThat(holdout.sent()).isZero();
        assertThat(holdout.redeemed()).isEqualTo(1);
        assertThat(holdout.redemptionRate()).isEqualTo(0.5);
        assertThat(holdout.revenue()).isEqualByComparingTo("80");
        assertThat(holdout.couponCost()).isEqualByComparingTo("0"); // sent no coupon
        assertThat(report.unmatchedOutcomes()).isEqualTo(1); // x9 has no decision in the campaign
    }

    @Test
    void upliftIsTheDifferenceOfRatesWithTheWaldInterval() {
        // se = sqrt(0.75 x 0.25 / 4 + 0.5 x 0.5 / 2) = 0.414578098794425
        assertThat(report.uplift().absolute()).isEqualTo(0.25);
        assertThat(report.uplift().ci95().get(0)).isCloseTo(-0.5625581424161613, within(1e-15));
        assertThat(report.uplift().ci95().get(1)).isCloseTo(1.0625581424161612, within(1e-15));
        assertThat(report.uplift().method()).contains("normal approximation");
    }

    @Test
    void moneyIsIncrementalRevenueMinusCouponCost() {
        CampaignReport.Money money = report.money();
        assertThat(money.incrementalRevenuePerCustomer()).isEqualByComparingTo("65.0000"); // 105 - 40
        assertThat(money.incrementalRevenue()).isEqualByComparingTo("260.00"); // 420 - 80 x 4 / 2
        assertThat(money.couponCost()).isEqualByComparingTo("63.00");
        assertThat(money.netIncrementalRevenue()).isEqualByComparingTo("197.00");
        assertThat(money.roi()).isEqualByComparingTo("3.1270"); // 197 / 63
    }

    @Test
    void breakdownsCompareLikeWithLike() {
        CampaignReport.Segment active = report.breakdowns().get("tier").get("ACTIVE");
        assertThat(active.treated().customers()).isEqualTo(2);
        assertThat(active.treated().redeemed()).isEqualTo(1);
        assertThat(active.holdout().customers()).isEqualTo(1);
        assertThat(active.holdout().redeemed()).isEqualTo(1);
        assertThat(active.uplift().absolute()).isEqualTo(-0.5);
        CampaignReport.Segment high = report.breakdowns().get("couponRow").get(HIGH_ROW + " (coupons.xlsx › Coupons › row 13)");
        assertThat(high.treated().customers()).isEqualTo(2);
        assertThat(high.treated().couponCost()).isEqualByComparingTo("33.00");
        assertThat(high.holdout().customers()).isEqualTo(1);
        assertThat(high.uplift().absolute()).isEqualTo(1.0);
        assertThat(high.uplift().ci95()).containsExactly(1.0, 1.0); // both rates 0 or 1: no spread
        assertThat(report.breakdowns().get("couponType").keySet()).containsExactly("MEMBER_DISCOUNT", "SPEND_AND_SAVE");
        assertThat(report.breakdowns().get("variant").keySet()).containsExactly("exp/A", "exp/B", "none");
    }

    @Test
    void variantsAreComparedWithTheFirstAmongTreatedCustomers() {
        assertThat(report.variants()).hasSize(1);
        CampaignReport.VariantComparison exp = report.variants().get(0);
        assertThat(exp.experiment()).isEqualTo("exp");
        assertThat(exp.baseline()).isEqualTo("A");
        assertThat(exp.groups().get("A").redeemed()).isEqualTo(1);
        assertThat(exp.groups().get("B").redeemed()).isZero();
        assertThat(exp.differences().get("B").absolute()).isEqualTo(-1.0);
    }

    @Test
    void anEmptyGroupHasNoRateAndNoUplift() {
        CampaignReport onlyTreated = CampaignReporter.report("fx", List.of(active("t1", false, null, DAY1)), List.of());
        assertThat(onlyTreated.groups().get("holdout").redemptionRate()).isNull();
        assertThat(onlyTreated.uplift().absolute()).isNull();
        assertThat(onlyTreated.uplift().ci95()).isNull();
        assertThat(onlyTreated.money().incrementalRevenue()).isNull();
    }
}

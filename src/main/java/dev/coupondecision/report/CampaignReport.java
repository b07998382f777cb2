package dev.coupondecision.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a campaign caused: treated customers against the holdout (control) group, overall and broken down by tier,
 * coupon type, A/B variant and the coupon table row that chose the coupon; and A/B variants against each other.
 */
@JsonPropertyOrder({"campaignId", "groups", "uplift", "money", "breakdowns", "variants", "unmatchedOutcomes"})
@Schema(requiredProperties = {"campaignId", "groups", "uplift", "money", "breakdowns", "variants", "unmatchedOutcomes"})
public record CampaignReport(
        String campaignId,
        @Schema(description = "treated and holdout") Map<String, GroupStats> groups,
        @Schema(description = "Treated redemption rate minus the holdout's") Uplift uplift,
        Money money,
        @Schema(description = "By tier, couponType, variant (experiment/variant, or none) and couponRow (rule and"
                + " source): treated and holdout groups and uplift per value")
        Map<String, Map<String, Segment>> breakdowns,
        @Schema(description = "Per A/B experiment, each variant against the first (in name order), among treated"
                + " customers") List<VariantComparison> variants,
        @Schema(description = "Customers with outcomes in this campaign but no logged decision in it (not counted)")
        int unmatchedOutcomes) {

    /** One value of a breakdown. */
    @JsonPropertyOrder({"treated", "holdout", "uplift"})
    @Schema(name = "ReportSegment", requiredProperties = {"treated", "holdout", "uplift"})
    public record Segment(GroupStats treated, GroupStats holdout, Uplift uplift) {
    }

    /**
     * Money: what the treated group's revenue per customer gained over the holdout's, times the treated customers,
     * minus the coupons' cost.
     */
    @JsonPropertyOrder({"incrementalRevenuePerCustomer", "incrementalRevenue", "couponCost", "netIncrementalRevenue", "roi"})
    @Schema(name = "ReportMoney", requiredProperties = {"incrementalRevenuePerCustomer", "incrementalRevenue",
            "couponCost", "netIncrementalRevenue", "roi"})
    public record Money(
            @Schema(nullable = true) BigDecimal incrementalRevenuePerCustomer,
            @Schema(nullable = true, description = "incrementalRevenuePerCustomer × treated customers") BigDecimal incrementalRevenue,
            @Schema(description = "Treated group's coupon cost") BigDecimal couponCost,
            @Schema(nullable = true, description = "incrementalRevenue - couponCost") BigDecimal netIncrementalRevenue,
            @Schema(nullable = true, description = "netIncrementalRevenue / couponCost, to 4 decimals") BigDecimal roi) {
    }

    /** One A/B experiment's variants among treated customers. */
    @JsonPropertyOrder({"experiment", "baseline", "groups", "differences"})
    @Schema(requiredProperties = {"experiment", "baseline", "groups", "differences"})
    public record VariantComparison(String experiment, String baseline, Map<String, GroupStats> groups,
                                    @Schema(description = "Each other variant's rate minus the baseline's")
                                    Map<String, Uplift> differences) {
    }
}

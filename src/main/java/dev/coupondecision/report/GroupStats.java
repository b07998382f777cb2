package dev.coupondecision.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One group of customers (treated or holdout, overall or in a breakdown) and what they did. */
@JsonPropertyOrder({"customers", "sent", "redeemed", "redemptionRate", "revenue", "revenuePerCustomer", "couponCost"})
@Schema(name = "ReportGroup", requiredProperties = {"customers", "sent", "redeemed", "redemptionRate", "revenue",
        "revenuePerCustomer", "couponCost"})
public record GroupStats(
        @Schema(description = "Distinct customers decided in the campaign whose latest decision is in this group")
        int customers,
        @Schema(description = "Of them, customers with a SENT outcome") int sent,
        @Schema(description = "Of them, customers with a REDEEMED outcome") int redeemed,
        @Schema(description = "redeemed / customers; null without customers", nullable = true) Double redemptionRate,
        @Schema(description = "Sum of the orderAmount of their REDEEMED outcomes") BigDecimal revenue,
        @Schema(description = "revenue / customers, to 4 decimals; null without customers", nullable = true)
        BigDecimal revenuePerCustomer,
        @Schema(description = "Coupon cost of their redemptions: amount off per redemption (percent coupons: percent of"
                + " the order). Holdout customers were sent no coupon: 0") BigDecimal couponCost) {
}

package dev.coupondecision.rest;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.outcome.OutcomeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The schema of one outcome in POST /outcomes (read by OutcomeParser, field by field). */
@Schema(name = "OutcomeEvent", description = "A message sent or a coupon redeemed",
        requiredProperties = {"customerId", "campaignId", "type", "at"})
record OutcomeBody(
        @Schema(description = "The decisionId the CRM acted on, if it kept it", format = "uuid") String decisionId,
        @Schema(example = "c-1001", pattern = "[A-Za-z0-9_.:-]{1,64}") String customerId,
        @Schema(example = "double12-2026", pattern = "[A-Za-z0-9_.:-]{1,64}") String campaignId,
        OutcomeType type,
        @Schema(description = "When it happened, ISO-8601 with offset", format = "date-time",
                example = "2026-12-12T20:05:00+08:00") String at,
        @Schema(description = "REDEEMED only: the amount of the order the coupon was used on", minimum = "0",
                example = "320.50") BigDecimal orderAmount,
        @Schema(description = "SENT only: the campaign type of the message (default: that of the customer's logged"
                + " decision in the campaign, else PROMOTION)") CampaignType campaignType) {
}

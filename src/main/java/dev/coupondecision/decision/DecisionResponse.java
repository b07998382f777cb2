package dev.coupondecision.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.request.ContactHistorySource;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.ruleset.FiredRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The decision for one customer, with the reasons behind it. */
@JsonPropertyOrder({"decisionId", "customerId", "asOf", "rulesetVersion", "tier", "coupon", "frequencyCap", "eligible",
        "suppressions", "nextEligibleAt", "sendWindow", "contactHistorySource", "firedRules"})
@Schema(description = "Tier, coupon, frequency cap, eligibility with reasons, send window and the rules that fired",
        requiredProperties = {"decisionId", "customerId", "asOf", "rulesetVersion", "tier", "coupon", "frequencyCap",
                "eligible", "suppressions", "nextEligibleAt", "sendWindow", "contactHistorySource", "firedRules"})
public record DecisionResponse(
        @Schema(description = "Id of this decision, derived from the request and the ruleset version: the same request"
                + " on the same version always gets the same id", format = "uuid",
                example = "5f1c2a4e-6d0b-8a53-9a53-0f3c2c1d9e77") String decisionId,
        @Schema(example = "c-1001") String customerId,
        @Schema(description = "The moment decided for, in the customer's offset", format = "date-time", example = "2026-11-20T12:00:00+08:00") String asOf,
        @Schema(description = "Content hash of the rule files that made this decision", example = "3fa8c1d20b7e") String rulesetVersion,
        @Schema(nullable = true, description = "The customer's segment; null only when the tier table has no row for them")
        Tier tier,
        @Schema(nullable = true, description = "The coupon to send; null when the coupon table has no row for the tier")
        Coupon coupon,
        @Schema(nullable = true, description = "The tier's frequency cap; null when the cap table has no row for the tier")
        FrequencyCap frequencyCap,
        @Schema(description = "True when nothing suppresses the message") boolean eligible,
        List<SuppressionView> suppressions,
        @Schema(description = "When only frequency caps suppress: the moment the last of them frees; else null", format = "date-time", nullable = true)
        String nextEligibleAt,
        @Schema(description = "Earliest send window ending after nextEligibleAt (or asOf); null when suppressed for good",
                nullable = true)
        SendWindow sendWindow,
        @Schema(description = "Where the contact history the frequency caps counted came from: REQUEST (the request's"
                + " contactHistory), RECORDED (the request had none, so the SENT outcomes recorded for the customer were"
                + " used) or NONE (no history given and none recorded sends consulted, as in offline checks)")
        ContactHistorySource contactHistorySource,
        List<FiredRule> firedRules) {

    @JsonPropertyOrder({"type", "amountOff", "minSpend", "percentOff", "validHours", "validUntil", "category",
            "experiment", "variant"})
    @Schema(description = "The coupon to send; numbers that do not apply to the coupon type are null",
            requiredProperties = {"type", "amountOff", "minSpend", "percentOff", "validHours", "validUntil", "category",
                    "experiment", "variant"})
    public record Coupon(CouponType type,
                         @Schema(nullable = true, example = "50") BigDecimal amountOff,
                         @Schema(nullable = true, example = "0") BigDecimal minSpend,
                         @Schema(nullable = true, description = "Percent off, 15 for 15%") BigDecimal percentOff,
                         @Schema(nullable = true, example = "168") Integer validHours,
                         @Schema(description = "When the coupon expires: validHours after the start of the send window"
                                 + " (the planned send); null when no send window is planned", format = "date-time",
                                 nullable = true)
                         String validUntil,
                         @Schema(nullable = true, description = "The favourite category it is for, or all; null for NONE",
                                 example = "beauty") String category,
                         @Schema(nullable = true, description = "The A/B experiment of the variant",
                                 example = "churned-offer") String experiment,
                         @Schema(nullable = true, description = "A/B variant, when the coupon row belongs to an experiment")
                         String variant) {
    }

    @JsonPropertyOrder({"maxMessages", "periodDays"})
    @Schema(description = "At most maxMessages messages in any periodDays days",
            requiredProperties = {"maxMessages", "periodDays"})
    public record FrequencyCap(int maxMessages, int periodDays) {
    }

    @JsonPropertyOrder({"start", "end"})
    @Schema(description = "Local send window occurrence as instants in the customer's offset",
            requiredProperties = {"start", "end"})
    public record SendWindow(@Schema(format = "date-time", example = "2026-11-20T12:00:00+08:00") String start,
                             @Schema(format = "date-time", example = "2026-11-20T13:00:00+08:00") String end) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "message", "cap", "maxMessages", "periodDays", "campaignType", "count", "until", "campaignId",
            "experiment"})
    @Schema(name = "Suppression", description = "A reason not to send now; frequency caps carry the numbers behind"
            + " them (fields that do not apply are absent)", requiredProperties = {"code", "message"})
    public record SuppressionView(SuppressionCode code, String message,
                                  @Schema(description = "The frequency cap reached", enumeration = {"TIER",
                                          "TWO_IN_3_DAYS", "ONE_IN_7_DAYS", "RECALL_TWO_IN_30_DAYS"}) String cap,
                                  Integer maxMessages, Integer periodDays,
                                  @Schema(description = "The only campaign type the cap counts, when it counts one")
                                  CampaignType campaignType,
                                  @Schema(description = "Messages counted in the cap's period") Integer count,
                                  @Schema(description = "When this cap frees; absent when it never does",
                                          format = "date-time") String until,
                                  @Schema(description = "The campaign already sent (DUPLICATE_CAMPAIGN)") String campaignId,
                                  @Schema(description = "The holdout experiment whose control group the customer is in"
                                          + " (HOLDOUT)") String experiment) {
    }
}

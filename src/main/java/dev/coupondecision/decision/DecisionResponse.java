package dev.coupondecision.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.ruleset.FiredRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The decision for one customer, with the reasons behind it. */
@JsonPropertyOrder({"decisionId", "customerId", "asOf", "rulesetVersion", "tier", "coupon", "frequencyCap", "eligible",
        "suppressions", "nextEligibleAt", "sendWindow", "firedRules"})
@Schema(description = "Tier, coupon, frequency cap, eligibility with reasons, send window and the rules that fired")
public record DecisionResponse(
        @Schema(description = "Unique id of this decision", example = "5f1c2a4e-6d0b-4a53-9a53-0f3c2c1d9e77") String decisionId,
        @Schema(example = "c-1001") String customerId,
        @Schema(description = "The moment decided for, in the customer's offset", format = "date-time", example = "2026-11-20T12:00:00+08:00") String asOf,
        @Schema(description = "Content hash of the rule files that made this decision", example = "3fa8c1d20b7e") String rulesetVersion,
        Tier tier,
        Coupon coupon,
        FrequencyCap frequencyCap,
        @Schema(description = "True when nothing suppresses the message") boolean eligible,
        List<SuppressionView> suppressions,
        @Schema(description = "When only frequency caps suppress: the moment the last of them frees; else null", format = "date-time")
        String nextEligibleAt,
        @Schema(description = "Earliest send window ending after nextEligibleAt (or asOf); null when suppressed for good")
        SendWindow sendWindow,
        List<FiredRule> firedRules) {

    @JsonPropertyOrder({"type", "amountOff", "minSpend", "percentOff", "validHours", "category", "variant"})
    @Schema(description = "The coupon to send; numbers that do not apply to the coupon type are null")
    public record Coupon(CouponType type, BigDecimal amountOff, BigDecimal minSpend, BigDecimal percentOff,
                         Integer validHours, @Schema(example = "beauty") String category,
                         @Schema(description = "A/B variant, when the coupon row belongs to an experiment") String variant) {
    }

    @JsonPropertyOrder({"maxMessages", "periodDays"})
    @Schema(description = "At most maxMessages messages in any periodDays days")
    public record FrequencyCap(int maxMessages, int periodDays) {
    }

    @JsonPropertyOrder({"start", "end"})
    @Schema(description = "Local send window occurrence as instants in the customer's offset")
    public record SendWindow(@Schema(format = "date-time", example = "2026-11-20T12:00:00+08:00") String start,
                             @Schema(format = "date-time", example = "2026-11-20T13:00:00+08:00") String end) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "message", "cap", "maxMessages", "periodDays", "campaignType", "count", "until", "campaignId"})
    @Schema(description = "A reason not to send now; frequency caps carry the numbers behind them")
    public record SuppressionView(SuppressionCode code, String message,
                                  @Schema(example = "TIER") String cap, Integer maxMessages, Integer periodDays,
                                  CampaignType campaignType, Integer count,
                                  @Schema(description = "When this cap frees; absent when it never does") String until,
                                  String campaignId) {
    }
}

package dev.coupondecision.impact;

import dev.coupondecision.decision.DecisionResponse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a decision an impact report compares, as display strings: tier, coupon type and eligibility
 * (the headline changes), the coupon's terms, the frequency cap and the send window. A missing tier or
 * coupon reads {@value #NONE}.
 */
record DecisionSnapshot(String tier, String couponType, boolean eligible, Map<String, String> couponTerms,
                        String frequencyCap, String sendWindow) {
    static final String NONE = "(none)";

    static DecisionSnapshot of(DecisionResponse response) {
        DecisionResponse.Coupon coupon = response.coupon();
        Map<String, String> terms = new LinkedHashMap<>();
        if (coupon != null) {
            terms.put("amountOff", number(coupon.amountOff()));
            terms.put("minSpend", number(coupon.minSpend()));
            terms.put("percentOff", number(coupon.percentOff()));
            terms.put("validHours", coupon.validHours() == null ? NONE : coupon.validHours().toString());
            terms.put("category", coupon.category() == null ? NONE : coupon.category());
            terms.put("variant", coupon.variant() == null ? NONE : coupon.variant());
        }
        DecisionResponse.FrequencyCap cap = response.frequencyCap();
        DecisionResponse.SendWindow window = response.sendWindow();
        return new DecisionSnapshot(response.tier() == null ? NONE : response.tier().name(),
                coupon == null ? NONE : coupon.type().name(), response.eligible(), terms,
                cap == null ? NONE : cap.maxMessages() + " in " + cap.periodDays() + " days",
                window == null ? NONE : window.start() + " to " + window.end());
    }

    String eligibility() {
        return eligible ? "eligible" : "ineligible";
    }

    private static String number(BigDecimal value) {
        return value == null ? NONE : value.stripTrailingZeros().toPlainString();
    }
}

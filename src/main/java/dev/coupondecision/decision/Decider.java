package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.Suppression;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.OffsetDateTimes;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleOutcome;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The decision as a pure function: a validated request and a compiled ruleset in, the response out. The rules
 * pick tier, offer and suppressions; this class derives the facts they test and plans the send window from
 * what they chose. Used by the service, the batch, the regression scenarios, impact reports and benchmarks.
 */
public final class Decider {
    private Decider() {
    }

    /** Decides on the given ruleset version; a pure function of its inputs (but for the decision id). */
    public static DecisionResponse decide(DecisionRequest request, CompiledRuleset ruleset) {
        RuleOutcome outcome = ruleset.evaluate(CustomerFacts.customer(request), CustomerFacts.history(request));
        Decision decision = outcome.decision();
        ZoneId zone = request.timezone();
        List<Suppression> suppressions = decision.getSuppressions();
        boolean onlyCaps = !suppressions.isEmpty() && suppressions.stream().noneMatch(Suppression::isHard);
        boolean capNeverFrees = onlyCaps && suppressions.stream().anyMatch(s -> s.getUntil() == null);
        Instant nextEligibleAt = onlyCaps && !capNeverFrees
                ? suppressions.stream().map(Suppression::getUntil).max(Instant::compareTo).orElseThrow()
                : null;
        SendWindowPlanner.Occurrence next = suppressions.isEmpty() || nextEligibleAt != null
                ? SendWindowPlanner.next(outcome.weekday().getWindows(), outcome.weekend().getWindows(),
                        nextEligibleAt != null ? nextEligibleAt : request.asOf(), zone)
                : null;
        DecisionResponse.SendWindow sendWindow = next == null ? null
                : new DecisionResponse.SendWindow(at(next.start(), zone), at(next.end(), zone));
        // a coupon is valid for validHours from when it is sent: the start of the planned send window
        Instant validUntil = next == null || decision.getValidHours() == null ? null
                : next.start().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(decision.getValidHours()));
        return new DecisionResponse(DecisionIds.of(request, ruleset.version()), request.customerId(), at(request.asOf(), zone),
                ruleset.version(), decision.getTier(), coupon(decision, at(validUntil, zone)), frequencyCap(decision),
                suppressions.isEmpty(), suppressions.stream().map(s -> view(s, zone)).toList(),
                at(nextEligibleAt, zone), sendWindow, request.contactHistorySource(), outcome.firedRules());
    }

    private static DecisionResponse.Coupon coupon(Decision decision, String validUntil) {
        if (decision.getCouponType() == null) {
            return null;
        }
        return new DecisionResponse.Coupon(decision.getCouponType(), decision.getAmountOff(), decision.getMinSpend(),
                decision.getPercentOff(), decision.getValidHours(), validUntil, decision.getCategory(),
                decision.getExperiment(), decision.getVariant());
    }

    private static DecisionResponse.FrequencyCap frequencyCap(Decision decision) {
        if (decision.getFrequencyCapMax() == null || decision.getFrequencyCapPeriodDays() == null) {
            return null;
        }
        return new DecisionResponse.FrequencyCap(decision.getFrequencyCapMax(), decision.getFrequencyCapPeriodDays());
    }

    private static DecisionResponse.SuppressionView view(Suppression s, ZoneId zone) {
        return new DecisionResponse.SuppressionView(s.getCode(), s.getMessage(), s.getCap(), s.getMaxMessages(),
                s.getPeriodDays(), s.getCampaignType(), s.getCount(), at(s.getUntil(), zone), s.getCampaignId(), s.getExperiment());
    }

    /** An instant as ISO-8601 in the customer's offset, to the second. */
    static String at(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTimes.formatToSecond(instant, zone);
    }
}

package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.Suppression;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleOutcome;
import dev.coupondecision.activation.RulesetRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Decides for one customer on the active ruleset: the rules pick tier, offer and suppressions. */
@ApplicationScoped
public class DecisionService {
    private static final DateTimeFormatter INSTANT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private final RulesetRegistry registry;
    private final DecisionMetrics metrics;

    public DecisionService(RulesetRegistry registry, DecisionMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    /** Decides on the active ruleset and records the decision's metrics. */
    public DecisionResponse decide(DecisionRequest request) {
        return decideAndRecord(request, registry.active());
    }

    /** Decides on the given ruleset version (a batch pins one for all its lines) and records metrics. */
    public DecisionResponse decideAndRecord(DecisionRequest request, CompiledRuleset ruleset) {
        long start = System.nanoTime();
        DecisionResponse decision = decide(request, ruleset);
        metrics.record(decision, System.nanoTime() - start);
        return decision;
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
        DecisionResponse.SendWindow sendWindow = null;
        if (suppressions.isEmpty() || nextEligibleAt != null) {
            SendWindowPlanner.Occurrence next = SendWindowPlanner.next(outcome.weekday().getWindows(),
                    outcome.weekend().getWindows(), nextEligibleAt != null ? nextEligibleAt : request.asOf(), zone);
            sendWindow = next == null ? null : new DecisionResponse.SendWindow(at(next.start(), zone), at(next.end(), zone));
        }
        return new DecisionResponse(UUID.randomUUID().toString(), request.customerId(), at(request.asOf(), zone),
                ruleset.version(), decision.getTier(), coupon(decision), frequencyCap(decision),
                suppressions.isEmpty(), suppressions.stream().map(s -> view(s, zone)).toList(),
                at(nextEligibleAt, zone), sendWindow, outcome.firedRules());
    }

    private static DecisionResponse.Coupon coupon(Decision decision) {
        if (decision.getCouponType() == null) {
            return null;
        }
        return new DecisionResponse.Coupon(decision.getCouponType(), decision.getAmountOff(), decision.getMinSpend(),
                decision.getPercentOff(), decision.getValidHours(), decision.getCategory(), decision.getVariant());
    }

    private static DecisionResponse.FrequencyCap frequencyCap(Decision decision) {
        if (decision.getFrequencyCapMax() == null || decision.getFrequencyCapPeriodDays() == null) {
            return null;
        }
        return new DecisionResponse.FrequencyCap(decision.getFrequencyCapMax(), decision.getFrequencyCapPeriodDays());
    }

    private static DecisionResponse.SuppressionView view(Suppression s, ZoneId zone) {
        return new DecisionResponse.SuppressionView(s.getCode(), s.getMessage(), s.getCap(), s.getMaxMessages(),
                s.getPeriodDays(), s.getCampaignType(), s.getCount(), at(s.getUntil(), zone), s.getCampaignId());
    }

    /** An instant as ISO-8601 in the customer's offset, to the second. */
    static String at(Instant instant, ZoneId zone) {
        return instant == null ? null : INSTANT_FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}

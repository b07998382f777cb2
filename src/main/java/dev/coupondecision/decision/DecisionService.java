package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import jakarta.enterprise.context.ApplicationScoped;

/** Decides for one customer on the ruleset serving now (or one a batch pinned) and counts the decision in the metrics. */
@ApplicationScoped
public class DecisionService {
    private final ActiveRuleset activeRuleset;
    private final DecisionMetrics metrics;

    public DecisionService(ActiveRuleset activeRuleset, DecisionMetrics metrics) {
        this.activeRuleset = activeRuleset;
        this.metrics = metrics;
    }

    /** Decides on the ruleset serving now and records the decision's metrics. */
    public DecisionResponse decide(DecisionRequest request) {
        return decideOn(request, activeRuleset.serving());
    }

    /** Decides on a given ruleset version (a batch pins one for all its lines) and records the metrics. */
    public DecisionResponse decideOn(DecisionRequest request, CompiledRuleset ruleset) {
        long start = System.nanoTime();
        DecisionResponse decision = Decider.decide(request, ruleset);
        metrics.record(decision, System.nanoTime() - start);
        return decision;
    }
}

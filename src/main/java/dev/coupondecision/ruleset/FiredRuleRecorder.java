package dev.coupondecision.ruleset;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the rules that fire during one decision. One recorder listens to every session of a knowledge base and
 * each decision fires on its caller's thread, so the list being filled is bound to that thread for the call.
 */
final class FiredRuleRecorder extends DefaultAgendaEventListener {
    /** Keyed by the knowledge base's own rule objects, which are the ones a match reports. */
    private final Map<Rule, FiredRule> firedRuleByRule;
    private final ThreadLocal<List<FiredRule>> current = new ThreadLocal<>();

    FiredRuleRecorder(Map<Rule, FiredRule> firedRuleByRule) {
        this.firedRuleByRule = new IdentityHashMap<>(firedRuleByRule);
    }

    void begin(List<FiredRule> sink) {
        current.set(sink);
    }

    void end() {
        current.remove();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        List<FiredRule> sink = current.get();
        if (sink != null) {
            Rule rule = event.getMatch().getRule();
            FiredRule fired = firedRuleByRule.get(rule);
            sink.add(fired != null ? fired : new FiredRule(rule.getName(), rule.getPackageName()));
        }
    }
}

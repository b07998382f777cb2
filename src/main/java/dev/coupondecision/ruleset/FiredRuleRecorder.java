package dev.coupondecision.ruleset;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.List;
import java.util.Map;

/**
 * Records the rules that fire during one decision. A stateless session is shared by all threads and each
 * decision runs on its caller's thread, so the list being filled is bound to that thread for the call.
 */
final class FiredRuleRecorder extends DefaultAgendaEventListener {
    private final Map<String, FiredRule> firedRuleByKey;
    private final ThreadLocal<List<FiredRule>> current = new ThreadLocal<>();

    FiredRuleRecorder(Map<String, FiredRule> firedRuleByKey) {
        this.firedRuleByKey = Map.copyOf(firedRuleByKey);
    }

    static String key(Rule rule) {
        return rule.getPackageName() + '\u0000' + rule.getName();
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
            sink.add(firedRuleByKey.getOrDefault(key(rule), new FiredRule(rule.getName(), rule.getPackageName())));
        }
    }
}

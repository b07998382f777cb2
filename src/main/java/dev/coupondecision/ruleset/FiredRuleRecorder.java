package dev.coupondecision.ruleset;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the rules that fire during one decision and what each firing set. One recorder listens to every session
 * of a knowledge base and each decision fires on its caller's thread, so the list being filled (and the watch over
 * the decision's outputs) is bound to that thread for the call.
 */
final class FiredRuleRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    /** Keyed by the knowledge base's own rule objects, which are the ones a match reports. */
    private final Map<Rule, FiredRule> firedRuleByRule;
    private final ThreadLocal<Recording> current = new ThreadLocal<>();

    private record Recording(List<FiredRule> sink, OutputWatch outputs) {
    }

    FiredRuleRecorder(Map<Rule, FiredRule> firedRuleByRule) {
        this.firedRuleByRule = new IdentityHashMap<>(firedRuleByRule);
    }

    void begin(List<FiredRule> sink, OutputWatch outputs) {
        current.set(new Recording(sink, outputs));
    }

    void end() {
        current.remove();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Recording recording = current.get();
        if (recording != null) {
            Rule rule = event.getMatch().getRule();
            FiredRule fired = firedRuleByRule.get(rule);
            if (fired == null) {
                fired = new FiredRule(rule.getName(), rule.getPackageName());
            }
            recording.sink().add(fired.setting(recording.outputs().changes()));
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Recording recording = current.get();
        if (recording != null && event.getRule() != null) {
            recording.outputs().inserted(event.getObject());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }
}

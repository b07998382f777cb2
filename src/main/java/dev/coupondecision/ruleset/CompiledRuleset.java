package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A knowledge base compiled from one {@link RuleFileSet}, immutable once built. Decisions run in a stateless
 * session shared by all threads; a decision that started on a version finishes on it.
 */
public final class CompiledRuleset {
    private final RuleFileSet files;
    private final Instant loadedAt;
    private final Map<String, Integer> rulesPerSource;
    private final KieBase kieBase;
    private final StatelessKieSession session;
    private final FiredRuleRecorder recorder;
    private final List<FiredRule> rules;

    CompiledRuleset(RuleFileSet files, Instant loadedAt, Map<String, Integer> rulesPerSource, KieBase kieBase,
                    Map<Rule, FiredRule> firedRuleByRule) {
        this.files = files;
        this.loadedAt = loadedAt;
        this.rulesPerSource = Map.copyOf(rulesPerSource);
        this.kieBase = kieBase;
        this.recorder = new FiredRuleRecorder(firedRuleByRule);
        this.rules = firedRuleByRule.values().stream()
                .sorted(Comparator.comparing(FiredRule::source)).toList();
        this.session = kieBase.newStatelessKieSession();
        this.session.addEventListener(recorder);
    }

    /** Runs every rule for one customer: tier, offer, then eligibility. */
    public RuleOutcome evaluate(Customer customer, ContactHistory history) {
        Decision decision = new Decision();
        SendWindowSlot weekday = new SendWindowSlot(DayType.WEEKDAY);
        SendWindowSlot weekend = new SendWindowSlot(DayType.WEEKEND);
        List<FiredRule> fired = new ArrayList<>(8);
        recorder.begin(fired);
        try {
            session.execute(Arrays.asList(customer, history, decision, weekday, weekend));
        } finally {
            recorder.end();
        }
        return new RuleOutcome(decision, weekday, weekend, fired);
    }

    public String version() {
        return files.version();
    }

    public RuleFileSet files() {
        return files;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Number of rules compiled from each source: a DRL file, or a spreadsheet's file and sheet. */
    public Map<String, Integer> rulesPerSource() {
        return rulesPerSource;
    }

    /** Every rule of this ruleset with its source, sorted by source. */
    public List<FiredRule> rules() {
        return rules;
    }

    KieBase kieBase() {
        return kieBase;
    }
}

package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A knowledge base compiled from one {@link RuleFileSet}, immutable once built. Each decision runs in a session of
 * its own; a decision that started on a version finishes on it.
 */
public final class CompiledRuleset {
    /**
     * The decision flow: the agenda groups in the order they run. Rule code may not touch the engine's API, so
     * the service sets the focus (a stack: the last pushed runs first).
     */
    public static final List<String> FLOW = List.of("segment", "offer", "eligibility");
    private final RuleFileSet files;
    private final Instant loadedAt;
    private final Map<String, Integer> rulesPerSource;
    private final KieBase kieBase;
    private final FiredRuleRecorder recorder;
    private final List<FiredRule> rules;
    private final Map<String, RuleLocation> locations;

    CompiledRuleset(RuleFileSet files, Instant loadedAt, Map<String, Integer> rulesPerSource, KieBase kieBase,
                    Map<Rule, FiredRule> firedRuleByRule, Map<String, RuleLocation> locations) {
        this.locations = Map.copyOf(locations);
        this.files = files;
        this.loadedAt = loadedAt;
        this.rulesPerSource = Map.copyOf(rulesPerSource);
        this.kieBase = kieBase;
        this.recorder = new FiredRuleRecorder(firedRuleByRule);
        this.rules = firedRuleByRule.values().stream()
                .sorted(Comparator.comparing(FiredRule::source)).toList();
    }

    /** Runs every rule for one customer: tier, offer, then eligibility. */
    public RuleOutcome evaluate(Customer customer, ContactHistory history) {
        Decision decision = new Decision();
        SendWindowSlot weekday = new SendWindowSlot(DayType.WEEKDAY);
        SendWindowSlot weekend = new SendWindowSlot(DayType.WEEKEND);
        List<FiredRule> fired = new ArrayList<>(8);
        recorder.begin(fired);
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(recorder);
            for (Object fact : Arrays.asList(customer, history, decision, weekday, weekend)) {
                session.insert(fact);
            }
            for (int i = FLOW.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(FLOW.get(i)).setFocus();
            }
            session.fireAllRules();
        } finally {
            session.dispose();
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

    /** Where the rule of a {@link FiredRule#source()} is written. */
    public RuleLocation location(String source) {
        return locations.getOrDefault(source, new RuleLocation(source, null, null));
    }
}

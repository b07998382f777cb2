package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A knowledge base compiled from one {@link RuleFileSet}, immutable once built. Each decision runs in a session of
 * its own at a time (reused, see {@link SessionPool}); a decision that started on a version finishes on it.
 */
public final class CompiledRuleset {
    private final RuleFileSet files;
    private final Instant loadedAt;
    private final Map<String, Integer> rulesPerSource;
    private final SessionPool sessions;
    private final List<FiredRule> rules;
    private final Map<String, RuleLocation> locations;

    CompiledRuleset(RuleFileSet files, Instant loadedAt, Map<String, Integer> rulesPerSource, KieBase kieBase,
                    Map<Rule, FiredRule> firedRuleByRule, Map<String, RuleLocation> locations) {
        this.locations = Map.copyOf(locations);
        this.files = files;
        this.loadedAt = loadedAt;
        this.rulesPerSource = Map.copyOf(rulesPerSource);
        this.sessions = new SessionPool(kieBase, new FiredRuleRecorder(firedRuleByRule), true);
        this.rules = firedRuleByRule.values().stream()
                .sorted(Comparator.comparing(FiredRule::source)).toList();
    }

    /** Runs every rule for one customer: tier, offer, then eligibility. */
    public RuleOutcome evaluate(Customer customer, ContactHistory history) {
        return sessions.evaluate(customer, history);
    }

    /** The knowledge base's sessions, for the test that pins the Drools reset bug. */
    SessionPool sessions() {
        return sessions;
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

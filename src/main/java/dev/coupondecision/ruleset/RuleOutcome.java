package dev.coupondecision.ruleset;

import dev.coupondecision.decision.facts.Decision;
import dev.coupondecision.decision.facts.SendWindowSlot;

import java.util.List;

/** What one run of the rules produced for one customer. */
public record RuleOutcome(Decision decision, SendWindowSlot weekday, SendWindowSlot weekend, List<FiredRule> firedRules) {
}

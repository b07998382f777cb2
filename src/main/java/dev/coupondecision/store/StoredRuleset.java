package dev.coupondecision.store;


/** A ruleset as stored: its files and scenarios (as a snapshot the gate can check again), its entry and report. */
public record StoredRuleset(StoredVersion entry, RulesetSnapshot snapshot, String reportJson) {
}

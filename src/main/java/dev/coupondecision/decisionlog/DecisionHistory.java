package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the decision log. Decisions this replica made are written first (up to a moment's wait), so a decision is
 * found right after it was answered.
 */
@ApplicationScoped
public class DecisionHistory {
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final DecisionLog log;
    private final DecisionLogStore store;
    private final ObjectMapper json;

    public DecisionHistory(DecisionLog log, DecisionLogStore store, ObjectMapper json) {
        this.log = log;
        this.store = store;
        this.json = json;
    }

    public Optional<LoggedDecisionView> find(String decisionId) {
        log.flush(READ_YOUR_WRITES);
        return store.find(decisionId).map(stored -> LoggedDecisionView.of(stored, json));
    }

    /** A customer's decisions in [from, to), newest first. */
    public List<LoggedDecisionView> ofCustomer(String customerId, Instant from, Instant to, int limit) {
        log.flush(READ_YOUR_WRITES);
        return store.byCustomer(customerId, from, to, limit).stream().map(s -> LoggedDecisionView.of(s, json)).toList();
    }

    /** Decisions decided in [from, to), oldest first (for a replay). */
    public List<StoredDecision> decidedBetween(Instant from, Instant to, int limit) {
        log.flush(READ_YOUR_WRITES);
        return store.decidedBetween(from, to, limit);
    }
}

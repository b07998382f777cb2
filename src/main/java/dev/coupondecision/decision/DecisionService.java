package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.ruleset.CompiledRuleset;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Decides for one customer on the ruleset serving now (or one a batch pinned): fills in the recorded contact history
 * when the request has none, counts the decision in the metrics and hands it to the decision log.
 */
@ApplicationScoped
public class DecisionService {
    private final ActiveRuleset activeRuleset;
    private final DecisionMetrics metrics;
    private final RecordedContacts recordedContacts;
    private final DecisionSink sink;
    private final Clock clock;

    public DecisionService(ActiveRuleset activeRuleset, DecisionMetrics metrics, RecordedContacts recordedContacts,
                           DecisionSink sink, Clock clock) {
        this.activeRuleset = activeRuleset;
        this.metrics = metrics;
        this.recordedContacts = recordedContacts;
        this.sink = sink;
        this.clock = clock;
    }

    /** A service that records nothing and reads no recorded history: benchmarks and tests of the decision alone. */
    public static DecisionService unrecorded(ActiveRuleset activeRuleset, DecisionMetrics metrics) {
        return new DecisionService(activeRuleset, metrics, RecordedContacts.NONE, DecisionSink.DISCARD, Clock.systemUTC());
    }

    /**
     * Whether deciding this request reads the database (its recorded contact history), so must not run on an event
     * loop thread.
     */
    public boolean blocks(DecisionRequest request) {
        return request.needsRecordedHistory() && recordedContacts.enabled();
    }

    /** Decides on the ruleset serving now. */
    public DecisionResponse decide(DecisionRequest request) {
        return decideOn(request, activeRuleset.serving());
    }

    /** Decides on a given ruleset version (a batch pins one for all its lines). */
    public DecisionResponse decideOn(DecisionRequest request, CompiledRuleset ruleset) {
        DecisionRequest effective = blocks(request)
                ? request.withRecordedHistory(recordedContacts.sentTo(request.customerId(), request.asOf()))
                : request;
        long start = System.nanoTime();
        DecisionResponse decision = Decider.decide(effective, ruleset);
        metrics.record(decision, System.nanoTime() - start);
        sink.decided(clock.instant(), effective, decision);
        return decision;
    }
}

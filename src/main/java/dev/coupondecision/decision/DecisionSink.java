package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;

import java.time.Instant;

/** Receives every decision the service makes (the decision log); must return at once and never throw. */
public interface DecisionSink {

    /** Keeps nothing. */
    DecisionSink DISCARD = (decidedAt, request, response) -> { };

    void decided(Instant decidedAt, DecisionRequest request, DecisionResponse response);
}
